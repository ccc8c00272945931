import { withHash } from '@nangsuat/event-sourcing';
import { reconcileStream } from './reconcile';
import { chainedStream } from './test-events';

const ledger = chainedStream('plan-4009', [
  { type: 'PlanDrafted', data: { title: 'Kế hoạch 4009/KH-UBND' } },
  { type: 'PlanIssued', data: { issueDate: '2023-09-26' } },
  { type: 'PlanAmended', data: { reason: 'điều chỉnh chỉ tiêu' } },
]);

describe('reconcileStream', () => {
  it('finds nothing when the service store and the ledger agree (key order aside)', () => {
    const reordered = ledger.map(({ hash, ...rest }) => JSON.parse(JSON.stringify({ hash, ...rest })));
    expect(reconcileStream(ledger, reordered)).toEqual([]);
  });

  it('names an event edited in the service store, with or without a recomputed hash', () => {
    const edited = [ledger[0], { ...ledger[1], data: { issueDate: '2023-09-27' } }, ledger[2]];
    expect(reconcileStream(ledger, edited)).toEqual([expect.objectContaining({ kind: 'content-differs', eventId: ledger[1].id, streamVersion: 2, fields: ['data'], sourceHashRecomputed: false })]);
    const rewritten = [ledger[0], withHash({ ...ledger[1], data: { issueDate: '2023-09-27' } }), ledger[2]];
    expect(reconcileStream(ledger, rewritten)).toEqual([expect.objectContaining({ kind: 'content-differs', eventId: ledger[1].id, fields: ['data', 'hash'], sourceHashRecomputed: true })]);
  });

  it('names an event deleted from the service store and one the ledger lacks', () => {
    expect(reconcileStream(ledger, [ledger[0], ledger[2]])).toEqual([{ kind: 'missing-in-source', streamVersion: 2, eventId: ledger[1].id }]);
    expect(reconcileStream(ledger.slice(0, 2), ledger)).toEqual([{ kind: 'missing-in-ledger', streamVersion: 3, eventId: ledger[2].id }]);
  });

  it('names events swapped between versions', () => {
    const swapped = [ledger[0], { ...ledger[2], streamVersion: 2 }, { ...ledger[1], streamVersion: 3 }];
    expect(reconcileStream(ledger, swapped).map((d) => [d.kind, d.streamVersion])).toEqual([
      ['different-event', 2],
      ['different-event', 3],
    ]);
  });
});
