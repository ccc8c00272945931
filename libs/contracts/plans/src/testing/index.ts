/**
 * Generated facts and plans for the tests of progress from tallies (the unit property and the
 * store's integration test): several indicators and units, repeats, reversals, redeliveries, the
 * lineage of merged units, facts naming the plan. fast-check: for tests only.
 */
import fc from 'fast-check';
import { toVietnamDate } from '@nangsuat/vietnamese';
import type { IndicatorEntry } from '../indicators/indicator';
import { seedIndicator } from '../indicators/seed-catalogue';
import type { Target } from '../plan/plan-content';
import type { TargetProgress } from '../plan/progress';
import type { StoredContribution } from '../progress/contribution-mapping';
import { computeForPlan, PlanForProgress } from '../progress/plan-progress';
import { splitForRead, storedIndicatorsOf, tallyFacts, tallyServes, TallyRow } from '../progress/progress-tally';

/** Kinds per stored indicator (what the mapping produces), recorded achievements under their own code. */
const KINDS: Record<string, StoredContribution['kind'][]> = {
  'trained-person-times': ['training-completed'],
  'pilot-model-enterprises': ['pilot-model-approved', 'pilot-model-completed', 'pilot-model-withdrawn'],
  awards: ['award-decided', 'award-revoked'],
  'certified-experts': ['expert-certified', 'expert-certification-expired', 'expert-certification-revoked'],
  'schools-5s': ['indicator-counted', 'indicator-count-withdrawn'],
  'custom-clubs': ['indicator-counted', 'indicator-count-withdrawn'],
};
const INDICATORS = Object.keys(KINDS);
/** Units of two provinces, a commune merged across them (Kon Tum → Quảng Ngãi) and one outside. */
const UNITS = ['51', '51-NGOKBAY', '51-DAKCAM', '51-NGOKBAY-KONRLONG', '62', '62-KONTUM-CITY', '56', '56-PHANRANG'];
const DAYS = ['2024-03-05', '2024-12-31', '2025-01-01', '2025-06-19', '2025-08-15', '2025-08-16', '2025-12-31', '2026-02-10', '2026-07-01'];
export const DOC = '92/KH-UBND';

export const factArb = fc
  .record({
    indicator: fc.constantFrom(...INDICATORS),
    k: fc.nat(2),
    unit: fc.constantFrom(...UNITS),
    day: fc.constantFrom(...DAYS),
    second: fc.nat(86_399),
    subject: fc.nat(40),
    ref: fc.option(fc.nat(60), { nil: undefined }),
    value: fc.option(fc.integer({ min: -5, max: 20 }), { nil: undefined }),
    valid: fc.option(fc.constantFrom('2025-06-30', '2026-12-31'), { nil: undefined }),
    names: fc.constantFrom<'none' | 'plan' | 'other'>('none', 'none', 'plan', 'other'),
    origin: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
    dateOnly: fc.boolean(),
  })
  .map((r) => {
    const kinds = KINDS[r.indicator];
    const at = new Date(Date.parse(`${r.day}T00:00:00+07:00`) + r.second * 1000);
    const occurredAt = r.dateOnly ? r.day : at.toISOString();
    return {
      indicator: r.indicator,
      kind: kinds[r.k % kinds.length],
      unit: r.unit,
      occurredAt,
      occurredOn: toVietnamDate(at),
      recordedAt: at.toISOString(),
      subjectId: `s${r.subject}`,
      ...(r.ref !== undefined ? { refId: `r${r.ref}` } : {}),
      ...(r.value !== undefined ? { value: r.value } : {}),
      ...(r.indicator === 'certified-experts' && r.valid ? { validUntil: r.valid } : {}),
      ...(r.names === 'plan' ? { planDocumentNumber: DOC } : r.names === 'other' ? { planDocumentNumber: '7/KH-UBND' } : {}),
      ...(r.origin && r.origin !== r.unit ? { originUnit: r.origin } : {}),
      sourceService: 'training' as const,
      eventType: 'X',
      streamId: 'x',
      globalPosition: 0,
    };
  });

/** Facts with unique event ids; some delivered twice (the store keeps one document per event id). */
export const factsArb = fc.array(factArb, { minLength: 5, maxLength: 150, size: 'max' }).chain((facts) =>
  fc.tuple(
    fc.constant(facts.map((f, i): StoredContribution => ({ ...f, _id: `e${i}`, eventId: `e${i}` }))),
    fc.array(fc.nat(Math.max(0, facts.length - 1)), { maxLength: 10 }),
  ).map(([unique, again]) => [...unique, ...(unique.length ? again.map((i) => unique[i]) : [])]),
);

export const targetOf = (indicator: string, milestoneYear: number, i: number): Target => ({
  id: `t${i}`,
  indicator,
  label: { vi: indicator, en: indicator },
  unit: indicator === 'schools-5s' ? 'schools' : indicator === 'custom-clubs' ? 'clubs' : (seedIndicator(indicator)?.unitOfMeasure ?? 'organisations'),
  milestoneYear,
  comparison: 'at-least',
  value: 5,
  source: 'counted',
});

/** A revised rule for person-times: every completion counts (the tally no longer answers for it). */
const revised: IndicatorEntry = { ...seedIndicator('trained-person-times')!, counting: { rule: 'distinct-subjects', identity: 'record', repeats: 'all', distinct: 'things' } };
/** A sum of values for recorded achievements (not the tally's rule: folded). */
const summed: IndicatorEntry = { ...seedIndicator('schools-5s')!, counting: { rule: 'sum-of-values', identity: 'record-or-subject', repeats: 'first' } };

export const planArb = fc
  .record({
    issuingUnit: fc.constantFrom('51', '51-NGOKBAY', '62', '56'),
    issueDate: fc.constantFrom('2024-01-10', '2025-06-19', '2025-08-15'),
    targets: fc.array(fc.record({ indicator: fc.constantFrom(...INDICATORS), year: fc.constantFrom(2024, 2025, 2026, 2027) }), { minLength: 1, maxLength: 5 }),
    documentNumber: fc.option(fc.constant(DOC), { nil: undefined }),
    catalogue: fc.constantFrom<'seed' | 'revised' | 'summed'>('seed', 'seed', 'revised', 'summed'),
  })
  .map(
    (p): PlanForProgress => ({
      planId: 'p',
      status: 'issued',
      version: 1,
      title: 'Kế hoạch',
      issuingUnit: p.issuingUnit,
      issueDate: p.issueDate,
      documentNumber: p.documentNumber,
      targets: p.targets.map((t, i) => targetOf(t.indicator, t.year, i)),
      catalogue: (code) => (p.catalogue === 'revised' && code === 'trained-person-times' ? revised : p.catalogue === 'summed' && code === 'schools-5s' ? summed : seedIndicator(code)),
    }),
  );

export const asOfArb = fc.oneof(
  fc.constantFrom(...DAYS, '2027-03-01').map((d) => new Date(Date.parse(`${d}T23:59:59.999+07:00`)).toISOString()),
  fc.tuple(fc.constantFrom(...DAYS), fc.nat(86_399)).map(([d, s]) => new Date(Date.parse(`${d}T00:00:00+07:00`) + s * 1000).toISOString()),
);

/** The stored indicators whose every counted target the tallies serve (as ProgressService decides). */
export function talliedIndicators(plan: PlanForProgress): Set<string> {
  const counted = plan.targets.filter((t) => t.source === 'counted');
  const stored = counted.map((t) => storedIndicatorsOf(plan.catalogue?.(t.indicator), t.indicator));
  return new Set(stored.flat().filter((k) => counted.every((t, i) => !stored[i].includes(k) || tallyServes(t.indicator, plan.catalogue, stored[i]))));
}

/** What the service does: tallies for the stored indicators every counted target of which they serve. */
export function viaTallies(
  plan: PlanForProgress,
  delivered: readonly StoredContribution[],
  asOf: string,
  kept: { simple: ReadonlySet<string>; rows: readonly TallyRow[] } = tallyFacts(delivered),
): TargetProgress[] {
  const facts = [...new Map(delivered.map((f) => [f.eventId, f])).values()]; // the read model: one document per event
  const tallied = talliedIndicators(plan);
  const tally = kept;
  const split = splitForRead(
    facts.filter((f) => tallied.has(f.indicator)),
    tally,
    toVietnamDate(new Date(asOf)),
    plan.documentNumber,
  );
  return computeForPlan(
    plan,
    [...facts.filter((f) => !tallied.has(f.indicator)), ...split.facts],
    [],
    asOf,
    undefined,
    split.rows.filter((r) => tallied.has(r.indicator)),
  );
}

/** What a comparison of two progress answers looks at (the trail inline may be shorter: the rest is paged). */
export const essentials = (p: TargetProgress) => ({
  actual: p.actual,
  status: p.status,
  breakdown: p.breakdown,
  expectedByNow: p.expectedByNow,
  byUnit: p.byUnit.map((u) => ({ unit: u.unit, actual: u.actual, events: u.contributingEvents ?? u.contributingEventIds.length })),
  events: p.contributingEvents ?? p.contributingEventIds.length,
  ignored: p.ignored,
});
