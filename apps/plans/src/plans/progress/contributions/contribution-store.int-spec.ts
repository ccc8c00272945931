import fc from 'fast-check';
import { ReadModelStore } from '@nangsuat/read-models';
import { readModelAdapters } from '@nangsuat/read-models/testing';
import { candidateUnits, computeForPlan, StoredContribution, tallyFacts, tallyRowId, TallyRow } from '@nangsuat/contracts/plans';
import { asOfArb, essentials, factsArb, planArb, talliedIndicators } from '@nangsuat/contracts/plans/testing';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { ContributionStore, PROGRESS_TALLIES } from './contribution-store';

/**
 * The contributions store keeps its tallies as facts arrive — in any order, some twice — and a
 * rebuild from its facts gives the same rows; progress read from them (rows of whole days plus the
 * untallied facts, queried as the service queries them) equals the fold of every fact. On real
 * PostgreSQL and on the MongoDB wire (FerretDB locally).
 */
const adapters = readModelAdapters('tally');

const byId = (rows: readonly TallyRow[]) => new Map(rows.map((r) => [tallyRowId(r), { ...r }]));

describe.each(adapters)('progress tallies in the contributions store ($name)', (adapter) => {
  let opened: { store: ReadModelStore; drop(): Promise<void> };
  beforeAll(async () => {
    opened = await adapter.open();
  });
  afterAll(async () => {
    await opened?.drop();
  });

  const clear = async () => {
    for (const name of ['contributions', PROGRESS_TALLIES, 'contribution_keys']) await opened.store.collection(name).deleteMany({});
  };
  const rows = async () => (await opened.store.collection<TallyRow & { _id: string }>(PROGRESS_TALLIES).find({}, { projection: { _id: 0 } }).toArray()) as TallyRow[];

  it('keeps the rows a fold of the same facts makes, whatever the order and redeliveries; a rebuild gives the same; progress read from them equals the fold', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, factsArb, asOfArb, fc.integer(), async (plan, delivered, asOf, seed) => {
        await clear();
        const store = new ContributionStore(opened.store);
        // Out of order: a seeded shuffle of the deliveries, redeliveries included.
        const order = delivered.map((f, i) => ({ f, k: Math.sin(seed + i * 7919) })).sort((a, b) => a.k - b.k).map((x) => x.f);
        for (const f of order) await store.save(f);
        const facts = [...new Map(delivered.map((f) => [f.eventId, f])).values()];
        const expected = tallyFacts(facts);
        expect(byId(await rows())).toEqual(byId(expected.rows));

        // Progress as the service reads it: rows of whole days and the facts a tally does not count.
        const units = candidateUnits(plan.issuingUnit);
        const asOfDay = toVietnamDate(new Date(asOf));
        const tallied = talliedIndicators(plan);
        const indicators = [...new Set(facts.map((f) => f.indicator))];
        const [kept, untallied, rest] = await Promise.all([
          store.tallyRows({ indicators: [...tallied], units, fromDay: '2000-01-01', beforeDay: asOfDay }),
          store.untallied({ indicators: [...tallied], units, documentNumber: plan.documentNumber, asOfDay }),
          store.find({ indicators: indicators.filter((k) => !tallied.has(k)), units, documentNumber: plan.documentNumber, occurredUntil: asOf }),
        ]);
        const tallies = kept.filter((r) => !plan.documentNumber || r.documentNumber !== plan.documentNumber);
        const fromStore = computeForPlan(plan, [...rest, ...untallied], [], asOf, undefined, tallies);
        expect(fromStore.map(essentials)).toEqual(computeForPlan(plan, facts, [], asOf).map(essentials));

        // A rebuild from the stored facts gives the same rows.
        const rebuilt = await store.rebuildTallies();
        expect(rebuilt).toMatchObject({ facts: facts.length, simple: expected.simple.size, rows: expected.rows.length });
        expect(byId(await rows())).toEqual(byId(expected.rows));
      }),
      { numRuns: 12 },
    );
  }, 600_000);

  it('finishes a tallying cut short when the fact is delivered again, and counts a redelivered fact once', async () => {
    await clear();
    const store = new ContributionStore(opened.store);
    const fact = (eventId: string, subjectId: string, refId: string): StoredContribution => ({
      _id: eventId, eventId, indicator: 'trained-person-times', kind: 'training-completed', unit: '51-NGOKBAY', occurredAt: '2025-09-01T03:00:00.000Z', occurredOn: '2025-09-01',
      recordedAt: '2025-09-01T03:00:00.000Z', subjectId, refId, sourceService: 'training', eventType: 'TraineeCompleted', streamId: 'course-1', globalPosition: 1,
    });
    expect(await store.save(fact('a', 'lan', 'c1'))).toBe(true);
    expect(await store.save(fact('a', 'lan', 'c1'))).toBe(false);
    expect(await store.save(fact('b', 'minh', 'c1'))).toBe(true);
    expect(await rows()).toEqual([expect.objectContaining({ day: '2025-09-01', n: 2 })]);
    // A crash after the insert, before the tally: the document is there, not tallied.
    await opened.store.collection('contributions').insertOne({ ...fact('c', 'hoa', 'c1'), tallyDay: '2025-09-01' });
    expect(await store.save(fact('c', 'hoa', 'c1'))).toBe(false);
    expect(await rows()).toEqual([expect.objectContaining({ n: 3 })]);
    // Found not tallied when a store starts (a crash before the redelivery): the start finishes it.
    await opened.store.collection('contributions').insertOne({ ...fact('e', 'tuan', 'c1'), tallyDay: '2025-09-01' });
    expect(await new ContributionStore(opened.store).tallyRows({ indicators: ['trained-person-times'], units: ['51-NGOKBAY'], fromDay: '2025-01-01', beforeDay: '2026-01-01' })).toEqual([
      expect.objectContaining({ n: 4 }),
    ]);
    // Lan completes the same course again: both of her completions are folded from now on.
    await store.save(fact('d', 'lan', 'c1'));
    expect(await rows()).toEqual([expect.objectContaining({ n: 3 })]);
    const folded = await store.untallied({ indicators: ['trained-person-times'], units: ['51-NGOKBAY'], asOfDay: '2026-01-01' });
    expect(folded.map((f) => f.eventId).sort()).toEqual(['a', 'd']);
  });

  it('reads a fact dated by day alone on asOf’s own day (its instant is the start of that day, though it sorts after it as text)', async () => {
    await clear();
    const store = new ContributionStore(opened.store);
    const day: StoredContribution = {
      _id: 'd1', eventId: 'd1', indicator: 'pilot-model-enterprises', kind: 'pilot-model-approved', unit: '56', occurredAt: '2025-06-19', occurredOn: '2025-06-19',
      recordedAt: '2025-06-18T17:00:00.000Z', subjectId: 's0', sourceService: 'support-programs', eventType: 'RegistrationApproved', streamId: 'x', globalPosition: 0,
    };
    await store.save(day);
    const asOf = '2025-06-18T17:00:00.000Z'; // 00:00 on 19/06/2025 in Vietnam
    const untallied = await store.untallied({ indicators: ['pilot-model-enterprises'], units: ['56'], asOfDay: '2025-06-19' });
    expect(untallied.map((f) => f.eventId)).toEqual(['d1']);
    expect((await store.find({ indicators: ['pilot-model-enterprises'], units: ['56'], occurredUntil: asOf })).map((f) => f.eventId)).toEqual(['d1']);
  });
});
