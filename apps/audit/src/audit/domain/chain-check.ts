import { hashEvent, RecordedEvent } from '@nangsuat/event-sourcing';

/**
 * Re-verification of a stream's hash chain as its events arrive in the ledger (pure).
 * Each arriving event is checked against what the ledger already holds for its stream: its own
 * hash (recomputed with the event store's shared hashing code), its predecessor (prevHash, version
 * and global order) and, for an event arriving late, its successor.
 */
export type AnomalyKind =
  | 'hash-mismatch' // the content no longer matches its hash: edited
  | 'prev-hash-mismatch' // prevHash is not the hash the ledger holds for the previous version: reordered or rewritten
  | 'gap' // the previous version has not arrived: deleted (or not yet delivered)
  | 'reorder' // global order contradicts stream order
  | 'version-conflict' // another event already holds this stream version
  | 'content-conflict' // the same event id arrived again with other content
  // Found by reconciling a service's own store with the ledger (store-reconciliation):
  | 'edited-in-store' // the service's copy differs from the intact ledger copy
  | 'edited-in-ledger' // the ledger's copy no longer matches its own hash; the service's copy does
  | 'removed-from-store' // in the ledger, gone from the service's store
  | 'not-in-ledger' // in the service's store, never published to the ledger (inserted directly, or lost)
  | 'replaced-in-store'; // another event sits at this global position in the service's store

export interface AnomalyFinding {
  readonly kind: AnomalyKind;
  /** The event the anomaly is about (named by id, stream and version). */
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly detail: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** What the ledger holds about an event of the stream. */
export interface HeldEvent {
  readonly eventId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly hash: string;
  readonly prevHash: string;
}

export interface ArrivalContext {
  /** The ledger's copy of the same event id, if it has one. */
  readonly sameId?: HeldEvent;
  /** The event the ledger holds at the same stream version (another id means a conflict). */
  readonly sameVersion?: HeldEvent;
  /** Version − 1, if held. */
  readonly previous?: HeldEvent;
  /** Version + 1, if held (the arriving event came late). */
  readonly next?: HeldEvent;
}

export interface ArrivalVerdict {
  /** 'duplicate': the same event again, nothing to store; 'conflict': do not overwrite the held copy. */
  readonly disposition: 'store' | 'duplicate' | 'conflict';
  readonly anomalies: AnomalyFinding[];
  /** The successor's gap is now filled by a predecessor that chains correctly. */
  readonly closesGapOf?: string;
}

export function checkArrival(event: RecordedEvent, held: ArrivalContext): ArrivalVerdict {
  const anomalies: AnomalyFinding[] = [];
  const name = (e: Pick<HeldEvent, 'eventId' | 'streamVersion' | 'globalPosition'>) => ({
    eventId: e.eventId,
    streamId: event.streamId,
    streamVersion: e.streamVersion,
    globalPosition: e.globalPosition,
  });
  const self = name({ eventId: event.id, streamVersion: event.streamVersion, globalPosition: event.globalPosition });
  const recomputed = hashEvent(event);

  if (held.sameId) {
    if (held.sameId.hash === event.hash && recomputed === event.hash && held.sameId.streamVersion === event.streamVersion) {
      return { disposition: 'duplicate', anomalies };
    }
    anomalies.push({
      ...self,
      kind: 'content-conflict',
      detail: `event ${event.id} arrived again with different content than the ledger holds (version ${held.sameId.streamVersion})`,
      expected: held.sameId.hash,
      actual: recomputed,
    });
    return { disposition: 'conflict', anomalies };
  }
  if (held.sameVersion) {
    anomalies.push({
      ...self,
      kind: 'version-conflict',
      detail: `version ${event.streamVersion} of ${event.streamId} is already held by event ${held.sameVersion.eventId}`,
      expected: held.sameVersion.hash,
      actual: recomputed,
    });
    return { disposition: 'conflict', anomalies };
  }

  if (recomputed !== event.hash) {
    anomalies.push({ ...self, kind: 'hash-mismatch', detail: 'the content does not match its hash (edited)', expected: event.hash, actual: recomputed });
  }
  if (event.streamVersion === 1) {
    if (event.prevHash !== '') anomalies.push({ ...self, kind: 'prev-hash-mismatch', detail: 'the first event of a stream must have an empty prevHash', expected: '', actual: event.prevHash });
  } else if (!held.previous) {
    anomalies.push({ ...self, kind: 'gap', detail: `version ${event.streamVersion - 1} of ${event.streamId} is missing from the ledger` });
  } else {
    if (event.prevHash !== held.previous.hash) {
      anomalies.push({
        ...self,
        kind: 'prev-hash-mismatch',
        detail: `prevHash does not match the hash of version ${held.previous.streamVersion} (event ${held.previous.eventId}) held by the ledger`,
        expected: held.previous.hash,
        actual: event.prevHash,
      });
    }
    if (held.previous.globalPosition >= event.globalPosition) {
      anomalies.push({
        ...self,
        kind: 'reorder',
        detail: `global position ${event.globalPosition} is not after version ${held.previous.streamVersion}'s position ${held.previous.globalPosition}`,
      });
    }
  }

  let closesGapOf: string | undefined;
  if (held.next) {
    if (held.next.prevHash !== event.hash) {
      anomalies.push({
        ...name(held.next),
        kind: 'prev-hash-mismatch',
        detail: `prevHash does not match the hash of version ${event.streamVersion} (event ${event.id}), which arrived after it`,
        expected: event.hash,
        actual: held.next.prevHash,
      });
    } else {
      closesGapOf = held.next.eventId;
    }
    if (held.next.globalPosition <= event.globalPosition) {
      anomalies.push({ ...name(held.next), kind: 'reorder', detail: `global position ${held.next.globalPosition} is not after version ${event.streamVersion}'s position ${event.globalPosition}` });
    }
  }
  return { disposition: 'store', anomalies, closesGapOf };
}
