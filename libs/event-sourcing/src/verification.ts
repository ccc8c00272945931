import { RecordedEvent } from './event';
import { hashEvent } from './hashing';

export type StreamVerification =
  | { readonly ok: true; readonly streamId: string; readonly events: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly streamId: string;
      readonly brokenAt: { readonly streamVersion: number; readonly eventId: string; readonly reason: string };
    };

/**
 * Checks a stream's hash chain as stored (before upcasting), in the order of stream versions, and
 * names the first event that breaks it: a hash that no longer matches the content (edited), a
 * missing or duplicated version (deleted), a prevHash that is not the previous event's hash
 * (reordered, or an edit whose hash was recomputed).
 */
export function verifyChain(streamId: string, events: readonly RecordedEvent[]): StreamVerification {
  let prevHash = '';
  let expectedVersion = 1;
  for (const event of events) {
    const broken = (reason: string): StreamVerification => ({
      ok: false,
      streamId,
      brokenAt: { streamVersion: event.streamVersion, eventId: event.id, reason },
    });
    if (event.streamId !== streamId) return broken(`event belongs to stream ${event.streamId}`);
    if (event.streamVersion !== expectedVersion) {
      return broken(
        event.streamVersion > expectedVersion
          ? `version ${expectedVersion} is missing (found ${event.streamVersion})`
          : `version ${event.streamVersion} is out of order or duplicated (expected ${expectedVersion})`,
      );
    }
    if (hashEvent(event) !== event.hash) return broken('content does not match its hash (edited)');
    if (event.prevHash !== prevHash) return broken('previous hash does not match the preceding event (reordered or rewritten)');
    prevHash = event.hash;
    expectedVersion += 1;
  }
  return { ok: true, streamId, events: events.length, lastHash: prevHash };
}
