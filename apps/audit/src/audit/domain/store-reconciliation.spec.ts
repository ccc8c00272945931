import { withHash } from '@nangsuat/event-sourcing';
import { compareCopies, notInLedger, removedFromStore } from './store-reconciliation';

const event = withHash({
  id: 'e-1',
  type: 'TargetSet',
  schemaVersion: 1,
  data: { indicator: 'pilot-models', value: 10 },
  streamId: 'plan-ngokbay',
  streamVersion: 3,
  globalPosition: 41,
  occurredAt: '2025-07-01T01:00:00.000Z',
  recordedAt: '2025-07-01T01:00:00.000Z',
  metadata: { actor: { id: 'u', username: 'ngokbay.officer', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY', correlationId: 'c' },
  prevHash: 'a'.repeat(64),
});

describe('reconciling a service store with the ledger', () => {
  it('the same event in both: nothing to report', () => {
    expect(compareCopies({ ...event }, event)).toEqual([]);
  });

  it('names an edit in the service store, with or without its hash recomputed', () => {
    const edited = { ...event, data: { indicator: 'pilot-models', value: 100 } };
    expect(compareCopies(edited, event)).toEqual([
      expect.objectContaining({ kind: 'edited-in-store', eventId: 'e-1', streamId: 'plan-ngokbay', streamVersion: 3, detail: expect.stringContaining('data') }),
    ]);
    const recomputed = withHash({ ...edited });
    expect(compareCopies(recomputed, event)).toEqual([expect.objectContaining({ kind: 'edited-in-store', detail: expect.stringContaining('recomputed') })]);
  });

  it('names an edit in the ledger when the service copy still matches its hash', () => {
    expect(compareCopies(event, { ...event, metadata: { ...event.metadata, unit: '56' } })).toEqual([expect.objectContaining({ kind: 'edited-in-ledger', detail: expect.stringContaining('metadata') })]);
  });

  it('names a replaced event, a removed one and one that never reached the ledger', () => {
    expect(compareCopies({ ...event, id: 'e-9' }, event)).toEqual([expect.objectContaining({ kind: 'replaced-in-store', expected: 'e-1', actual: 'e-9' })]);
    expect(removedFromStore(event)).toMatchObject({ kind: 'removed-from-store', eventId: 'e-1', globalPosition: 41 });
    expect(notInLedger(event)).toMatchObject({ kind: 'not-in-ledger', eventId: 'e-1' });
  });
});
