import { EventMetadata, RecordedEvent } from '@nangsuat/event-sourcing';

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

/**
 * The JSON text of the data and metadata objects an append built: it made them by parsing that
 * text (a JSON round trip), and JSON.stringify of the result gives the same text back, so an
 * adapter that stores text takes it from here instead of serialising each object a second time.
 */
export const serialised = new WeakMap<object, string>();

/** JSON.stringify(value), from `serialised` when the append kept it. */
export function jsonText(value: object): string {
  return serialised.get(value) ?? JSON.stringify(value);
}

/** What a store tells its listeners after each successful append, and after it voided positions it had taken. */
export interface CommitNotice {
  readonly streamId: string;
  readonly firstPosition: number;
  readonly lastPosition: number;
  /** The commit as stored (do not modify); `void` for positions given up. */
  readonly commit: CommitDocument;
  /** The last global position of the stream's previous commit (none for a new stream). */
  readonly previousPosition?: number;
}

export type CommitListener = (notice: CommitNotice) => void;

/** A reader's position in the commit log, saved under its name (a projection, a relay). */
export interface Checkpoint {
  readonly name: string;
  /** Every commit at or below this global position has been handled. */
  readonly position: number;
  readonly updatedAt: Date;
  /** Position ranges a reader gave up waiting for, kept for audit. */
  readonly skipped?: readonly { from: number; to: number }[];
}

export interface CheckpointStore {
  load(name: string): Promise<Checkpoint | undefined>;
  save(name: string, position: number, skipped?: readonly { from: number; to: number }[]): Promise<void>;
  remove(name: string): Promise<void>;
}

/** A folded state of a stream, used only while the events still say the same (eventHash). */
export interface Snapshot {
  readonly streamId: string;
  readonly schemaVersion: number;
  readonly version: number;
  /** Hash of the event at `version`. */
  readonly eventHash: string;
  readonly state: unknown;
  readonly takenAt: Date;
}

export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot | undefined>;
  /** Keeps the snapshot unless a newer one is stored (best effort). */
  save(snapshot: Snapshot): Promise<void>;
}

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
