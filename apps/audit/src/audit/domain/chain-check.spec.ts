import { hashEvent, RecordedEvent, withHash } from '@nangsuat/event-sourcing';
import { checkArrival, HeldEvent } from './chain-check';
import { chainedStream } from './test-events';

const stream = chainedStream('support-programme-p1', [
  { type: 'SupportProgrammeCreated', data: { name: 'Chương trình năng suất', capacity: 5 } },
  { type: 'SupportProgrammeUpdated', data: { capacity: 8 } },
  { type: 'SupportProgrammeClosed', data: { reason: 'hết hạn' } },
]);
const held = (e: RecordedEvent): HeldEvent => ({ eventId: e.id, streamVersion: e.streamVersion, globalPosition: e.globalPosition, hash: e.hash, prevHash: e.prevHash });

describe('checkArrival', () => {
  it('accepts a stream arriving in order', () => {
    expect(checkArrival(stream[0], {})).toEqual({ disposition: 'store', anomalies: [], closesGapOf: undefined });
    expect(checkArrival(stream[1], { previous: held(stream[0]) }).anomalies).toEqual([]);
    expect(checkArrival(stream[2], { previous: held(stream[1]) }).anomalies).toEqual([]);
  });

  it('treats a redelivery as a duplicate', () => {
    expect(checkArrival(stream[1], { sameId: held(stream[1]), previous: held(stream[0]) }).disposition).toBe('duplicate');
  });

  it('names an edited event whose hash no longer matches', () => {
    const edited = { ...stream[1], data: { capacity: 80 } };
    const verdict = checkArrival(edited, { previous: held(stream[0]) });
    expect(verdict.anomalies).toEqual([expect.objectContaining({ kind: 'hash-mismatch', eventId: stream[1].id, streamVersion: 2, actual: hashEvent(edited) })]);
  });

  it('names an edited event whose hash was recomputed: its successor no longer chains', () => {
    const rewritten = withHash({ ...stream[1], data: { capacity: 80 } });
    expect(checkArrival(rewritten, { previous: held(stream[0]) }).anomalies).toEqual([]);
    const verdict = checkArrival(stream[2], { previous: held(rewritten) });
    expect(verdict.anomalies).toEqual([expect.objectContaining({ kind: 'prev-hash-mismatch', eventId: stream[2].id, expected: rewritten.hash, actual: stream[1].hash })]);
  });

  it('names a gap (a deleted or missing predecessor) and closes it when the predecessor arrives and chains', () => {
    expect(checkArrival(stream[2], {}).anomalies).toEqual([expect.objectContaining({ kind: 'gap', eventId: stream[2].id, streamVersion: 3 })]);
    const late = checkArrival(stream[1], { previous: held(stream[0]), next: held(stream[2]) });
    expect(late.anomalies).toEqual([]);
    expect(late.closesGapOf).toBe(stream[2].id);
  });

  it('names a reorder: global order contradicting stream order', () => {
    const early = withHash({ ...stream[1], globalPosition: 0 });
    expect(checkArrival(early, { previous: held(stream[0]) }).anomalies).toEqual([expect.objectContaining({ kind: 'reorder', eventId: stream[1].id })]);
  });

  it('names a second event claiming a version already held, and an event id redelivered with other content', () => {
    const other = withHash({ ...stream[1], id: 'intruder' });
    expect(checkArrival(other, { sameVersion: held(stream[1]), previous: held(stream[0]) })).toMatchObject({
      disposition: 'conflict',
      anomalies: [{ kind: 'version-conflict', eventId: 'intruder', streamVersion: 2 }],
    });
    const changed = withHash({ ...stream[1], data: { capacity: 1 } });
    expect(checkArrival(changed, { sameId: held(stream[1]) })).toMatchObject({ disposition: 'conflict', anomalies: [{ kind: 'content-conflict', eventId: stream[1].id }] });
  });

  it('requires an empty prevHash on version 1', () => {
    const forged = withHash({ ...stream[0], prevHash: 'abc' });
    expect(checkArrival(forged, {}).anomalies).toEqual([expect.objectContaining({ kind: 'prev-hash-mismatch', eventId: stream[0].id })]);
  });
});
