import { EventMetadata, RecordedEvent } from './event';

/**
 * One append = one commit document, so an append is atomic on any MongoDB-wire store without
 * transactions. Commits are never modified once written; the outbox relay keeps its own
 * checkpoint of what it has published (see OutboxRelay).
 *
 *  _id           first global position of the commit (positions are allocated as a block)
 *  firstVersion  unique with streamId: the optimistic-concurrency guard
 *  void          a position block whose append failed, filled so subscriptions need not wait
 */
export interface CommitDocument {
  _id: number;
  lastPosition: number;
  streamId: string;
  firstVersion: number;
  lastVersion: number;
  /** The command id, or a unique placeholder (FerretDB has no partial indexes, so never null). */
  commandId: string;
  recordedAt: Date;
  metadata: EventMetadata;
  events: StoredEvent[];
  void?: true;
}

/** An event inside a commit: the envelope minus what the commit holds once for all its events. */
export interface StoredEvent {
  id: string;
  type: string;
  schemaVersion: number;
  data: object;
  streamVersion: number;
  globalPosition: number;
  occurredAt: string;
  prevHash: string;
  hash: string;
}

export const VOID_STREAM = '$void';

/** Collection names of a bounded context's store, all in the service's own database. */
export interface StoreCollections {
  readonly commits: string;
  readonly snapshots: string;
  readonly checkpoints: string;
}

export function storeCollections(prefix = 'events'): StoreCollections {
  return {
    commits: prefix,
    snapshots: `${prefix}.snapshots`,
    checkpoints: `${prefix}.checkpoints`,
  };
}

export function toRecordedEvents(commit: CommitDocument): RecordedEvent[] {
  const recordedAt = commit.recordedAt.toISOString();
  return commit.events.map((e) => ({
    id: e.id,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    streamId: commit.streamId,
    streamVersion: e.streamVersion,
    globalPosition: e.globalPosition,
    occurredAt: e.occurredAt,
    recordedAt,
    metadata: commit.metadata,
    prevHash: e.prevHash,
    hash: e.hash,
  }));
}

export function toStoredEvent(event: RecordedEvent): StoredEvent {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    occurredAt: event.occurredAt,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
