import fc from 'fast-check';
import type { StoredContribution } from './contribution-mapping';
import { computeForPlan } from './plan-progress';
import { tallyFacts, tallyKeysOf, tallyRowId } from './progress-tally';
import { asOfArb, essentials, factsArb, planArb, viaTallies } from '../testing';

describe('progress from running totals (tallies) equals the fold of every fact', () => {
  it('for generated facts — repeats, reversals, redeliveries, several units, lineage, the document rule — and any asOf', () => {
    fc.assert(
      fc.property(planArb, factsArb, asOfArb, (plan, delivered, asOf) => {
        const facts = [...new Map(delivered.map((f) => [f.eventId, f])).values()];
        const old = computeForPlan(plan, facts, [], asOf);
        const now = viaTallies(plan, delivered, asOf);
        expect(now.map(essentials)).toEqual(old.map(essentials));
        // The trail inline is the folded part of the old one (the rest is paged from the facts).
        now.forEach((p, i) => expect(old[i].contributingEventIds).toEqual(expect.arrayContaining([...p.contributingEventIds])));
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order facts arrive in or on redeliveries', () => {
    fc.assert(
      fc.property(factsArb, fc.nat(), (facts, seed) => {
        const shuffled = [...facts].sort((a, b) => ((a.eventId.length * 31 + seed) % 7) - ((b.eventId.length * 17 + seed) % 7) || (seed % 2 ? a.eventId.localeCompare(b.eventId) : b.eventId.localeCompare(a.eventId)));
        const a = tallyFacts(facts);
        const b = tallyFacts([...shuffled, ...shuffled.slice(0, 3)]);
        expect(new Map(b.rows.map((r) => [tallyRowId(r), r]))).toEqual(new Map(a.rows.map((r) => [tallyRowId(r), r])));
        expect([...b.simple].sort()).toEqual([...a.simple].sort());
      }),
    );
  });

  it('keeps a lone completion as a count, and folds a repeated course, a person counted twice and a certification', () => {
    const base = { unit: '51-NGOKBAY', occurredAt: '2025-09-01T03:00:00.000Z', occurredOn: '2025-09-01', recordedAt: '2025-09-01T03:00:00.000Z', sourceService: 'training' as const, eventType: 'X', streamId: 's', globalPosition: 1 };
    const f = (eventId: string, indicator: string, kind: StoredContribution['kind'], subjectId: string, refId?: string): StoredContribution => ({ ...base, _id: eventId, eventId, indicator, kind, subjectId, ...(refId ? { refId } : {}) });
    const { simple, rows } = tallyFacts([
      f('a', 'trained-person-times', 'training-completed', 'lan', 'c1'),
      f('b', 'trained-person-times', 'training-completed', 'lan', 'c2'),
      f('c', 'trained-person-times', 'training-completed', 'minh', 'c1'),
      f('d', 'trained-person-times', 'training-completed', 'minh', 'c1'),
      f('e', 'certified-experts', 'expert-certified', 'hoa', 'cert-1'),
      f('g', 'awards', 'award-decided', 'dn-1', 'nom-1'),
      f('h', 'awards', 'award-revoked', 'dn-1', 'nom-1'),
    ]);
    expect([...simple].sort()).toEqual(['a', 'b']);
    expect(rows).toEqual([{ indicator: 'trained-person-times', unit: '51-NGOKBAY', day: '2025-09-01', kind: 'training-completed', documentNumber: '', n: 2, sum: 0 }]);
    expect(tallyKeysOf(f('x', 'certified-experts', 'expert-certified', 'hoa', 'cert-1'))).toEqual([]);
    expect(tallyKeysOf(f('x', 'pilot-model-enterprises', 'pilot-model-approved', 'dn-1', 'reg-1'))).toEqual(['t:reg-1', 's:dn-1']);
  });
});
