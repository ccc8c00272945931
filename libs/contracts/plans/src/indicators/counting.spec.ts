import fc from 'fast-check';
import { NINH_THUAN_4009_TARGETS } from '../seed/ninh-thuan-4009';
import { Contribution, computeProgress } from '../plan/progress';
import { countFacts } from './counting';
import { FACT_KINDS, IndicatorEntry } from './indicator';
import { planSpecificIndicator, SEED_INDICATORS, seedIndicator } from './seed-catalogue';

/**
 * The catalogue's counting rules against today's results: the seeded entries reproduce what the
 * progress code counted before the catalogue (the hand-written rules below are that code, kept as
 * the oracle), for generated facts; and the other rules (sum, latest value, share) do what they say.
 */

type Fact = Contribution;
const instant = (v: string) => new Date(v).getTime();
const sortByTime = (facts: readonly Fact[]) => [...facts].sort((a, b) => instant(a.occurredAt) - instant(b.occurredAt));

/** The counting of progress.ts before the catalogue, verbatim in substance. */
function before(indicator: string, contributions: readonly Fact[], evaluatedAt: number): { actual: number; eventIds: string[]; breakdown?: { approved: number; completed: number } } {
  const sorted = sortByTime(contributions);
  switch (indicator) {
    case 'pilot-model-enterprises': {
      const approvals = new Map<string, Fact[]>();
      const completions = new Map<string, Fact[]>();
      for (const c of sorted) {
        const reg = c.refId ?? c.eventId;
        if (c.kind === 'pilot-model-approved') approvals.set(reg, [...(approvals.get(reg) ?? []), c]);
        else if (c.kind === 'pilot-model-completed') completions.set(reg, [...(completions.get(reg) ?? []), c]);
        else if (c.kind === 'pilot-model-withdrawn' && !completions.has(reg)) approvals.delete(reg);
      }
      const approved = [...approvals.values()].flat();
      const completed = [...completions.values()].flat();
      return {
        actual: new Set([...approved, ...completed].map((c) => c.subjectId)).size,
        eventIds: [...approved, ...completed].map((c) => c.eventId),
        breakdown: { approved: new Set([...approved, ...completed].map((c) => c.subjectId)).size, completed: new Set(completed.map((c) => c.subjectId)).size },
      };
    }
    case 'trained-person-times': {
      const seen = new Map<string, Fact>();
      for (const c of sorted) if (c.kind === 'training-completed') seen.set(`${c.subjectId}|${c.refId ?? c.eventId}`, seen.get(`${c.subjectId}|${c.refId ?? c.eventId}`) ?? c);
      return { actual: seen.size, eventIds: [...seen.values()].map((c) => c.eventId) };
    }
    case 'certified-experts': {
      const active = new Map<string, Fact>();
      for (const c of sorted) {
        const cert = c.refId ?? c.eventId;
        if (c.kind === 'expert-certified') active.set(cert, c);
        else if (c.kind === 'expert-certification-expired' || c.kind === 'expert-certification-revoked') active.delete(cert);
      }
      const valid = [...active.values()].filter((c) => !c.validUntil || new Date(`${c.validUntil}T23:59:59.999+07:00`).getTime() >= evaluatedAt);
      return { actual: new Set(valid.map((c) => c.subjectId)).size, eventIds: valid.map((c) => c.eventId) };
    }
    case 'awards': {
      const awards = new Map<string, Fact>();
      for (const c of sorted) {
        const decision = c.refId ?? c.eventId;
        if (c.kind === 'award-decided') awards.set(decision, c);
        else if (c.kind === 'award-revoked') awards.delete(decision);
      }
      return { actual: awards.size, eventIds: [...awards.values()].map((c) => c.eventId) };
    }
    default: {
      const counted = new Map<string, Fact>();
      for (const c of sorted) {
        if (c.indicator !== indicator) continue;
        if (c.kind === 'indicator-counted') counted.set(c.subjectId, counted.get(c.subjectId) ?? c);
        else if (c.kind === 'indicator-count-withdrawn') counted.delete(c.subjectId);
      }
      return { actual: counted.size, eventIds: [...counted.values()].map((c) => c.eventId) };
    }
  }
}

const factArb = fc.record({
  kind: fc.constantFrom(...FACT_KINDS),
  subjectId: fc.constantFrom('s1', 's2', 's3', 's4'),
  refId: fc.option(fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'), { nil: undefined }),
  indicator: fc.constantFrom('schools-5s', 'productivity-clubs', 'ocop-products'),
  day: fc.integer({ min: 0, max: 900 }),
  validUntil: fc.option(fc.constantFrom('2024-06-30', '2025-06-30', '2030-12-31'), { nil: undefined }),
});

describe('catalogue counting rules reproduce the counting before the catalogue', () => {
  const evaluatedAt = instant('2025-01-01T00:00:00Z');
  it.each(['pilot-model-enterprises', 'trained-person-times', 'certified-experts', 'awards', 'schools-5s', 'productivity-clubs', 'st-tasks', 'ocop-products'])('%s, for generated facts', (indicator) => {
    const entry = seedIndicator(indicator) ?? planSpecificIndicator(indicator);
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 25 }), (raw) => {
        // Legacy facts name no record for recorded indicators (subject-keyed), as before.
        const facts: Fact[] = raw.map((f, i) => ({
          eventId: `e${i}`,
          kind: f.kind,
          unit: '58',
          subjectId: f.subjectId,
          occurredAt: new Date(instant('2023-10-01T00:00:00Z') + f.day * 86_400_000 + i).toISOString(),
          ...(f.kind.startsWith('indicator') ? { indicator: f.indicator } : { refId: f.refId, validUntil: f.validUntil }),
        }));
        const now = countFacts(entry, facts, evaluatedAt);
        const then = before(indicator, facts, evaluatedAt);
        expect(now.actual).toBe(then.actual);
        expect(now.eventIds).toEqual(then.eventIds);
        if (then.breakdown) expect(now.breakdown).toEqual(then.breakdown);
      }),
      { numRuns: 300 },
    );
  });

  it('progress of the seed targets is the same through the seeded catalogue and without it', () => {
    const t = NINH_THUAN_4009_TARGETS.find((x) => x.id === 'schools-5s-2025')!;
    const facts: Contribution[] = [
      { eventId: 'a', kind: 'indicator-counted', indicator: 'schools-5s', subjectId: 'school-1', unit: '58', occurredAt: '2024-05-01' },
      { eventId: 'b', kind: 'indicator-counted', indicator: 'schools-5s', subjectId: 'school-2', unit: '58', occurredAt: '2024-05-02' },
    ];
    const plan = { issuingUnit: '58', issueDate: '2023-09-26' };
    const viaCatalogue = computeProgress({ target: t, plan, contributions: facts, asOf: '2025-01-01', catalogue: seedIndicator });
    expect(viaCatalogue).toEqual(computeProgress({ target: t, plan, contributions: facts, asOf: '2025-01-01' }));
    expect(viaCatalogue.actual).toBe(2);
  });
});

describe('counting rules of new indicators', () => {
  const base = (over: Partial<IndicatorEntry>): IndicatorEntry => ({ ...SEED_INDICATORS.find((e) => e.code === 'schools-5s')!, code: 'x', ...over });
  const f = (eventId: string, kind: Fact['kind'], subjectId: string, over: Partial<Fact> = {}): Fact => ({ eventId, kind, subjectId, unit: '58', occurredAt: `2024-0${eventId.length}-01`, indicator: 'x', ...over });

  it('recorded achievements: one thing per achievement, withdrawn by its record; distinct subjects', () => {
    const entry = base({});
    const facts = [f('a', 'indicator-counted', 'hospital-1', { refId: 'ach-1' }), f('bb', 'indicator-counted', 'hospital-1', { refId: 'ach-2' }), f('ccc', 'indicator-count-withdrawn', 'hospital-1', { refId: 'ach-1' })];
    // the hospital stays counted through its other verified achievement
    expect(countFacts(entry, facts, Date.now())).toMatchObject({ actual: 1, eventIds: ['bb'] });
    expect(countFacts(entry, facts.slice(0, 1).concat(facts[2]), Date.now()).actual).toBe(0);
  });

  it('sum of values and latest value', () => {
    const facts = [f('a', 'indicator-counted', 's1', { refId: '1', value: 3 }), f('bb', 'indicator-counted', 's2', { refId: '2', value: 4.5 }), f('ccc', 'indicator-count-withdrawn', 's1', { refId: '1' })];
    expect(countFacts(base({ counting: { rule: 'sum-of-values', identity: 'record-or-subject', repeats: 'first' } }), facts.slice(0, 2), Date.now()).actual).toBe(7.5);
    expect(countFacts(base({ counting: { rule: 'sum-of-values', identity: 'record-or-subject', repeats: 'first' } }), facts, Date.now()).actual).toBe(4.5);
    expect(countFacts(base({ counting: { rule: 'latest-value', identity: 'record-or-subject', repeats: 'last' } }), facts.slice(0, 2), Date.now()).actual).toBe(4.5);
  });

  it('share: enterprises with a completed pilot model among those approved, in %', () => {
    const entry: IndicatorEntry = {
      ...seedIndicator('pilot-model-enterprises')!,
      code: 'pilot-models-completed-share',
      unitOfMeasure: '%',
      counting: { rule: 'share', identity: 'record', repeats: 'all', distinct: 'subjects', numeratorKinds: ['pilot-model-completed'], finalKinds: ['pilot-model-completed'] },
    };
    const facts = [f('a', 'pilot-model-approved', 'e1', { refId: 'r1' }), f('bb', 'pilot-model-approved', 'e2', { refId: 'r2' }), f('ccc', 'pilot-model-approved', 'e3', { refId: 'r3' }), f('dddd', 'pilot-model-completed', 'e1', { refId: 'r1' })];
    expect(countFacts(entry, facts, Date.now()).actual).toBe(33.33);
  });
});
