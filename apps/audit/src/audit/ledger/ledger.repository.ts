import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CollectionOptions, DocumentCollection, READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { AnomalyFinding, HeldEvent } from '../domain/chain-check';
import { MerkleLeaf } from '../domain/merkle';

/**
 * The ledger: one document per event, keyed by event id, holding the event exactly as it was
 * published (the `event` member is what is hashed), plus what the ledger knows about it.
 */
export interface LedgerDocument {
  _id: string;
  context: string;
  /** Vietnam calendar date (Asia/Ho_Chi_Minh) of recordedAt: the checkpoint the event belongs to. */
  day: string;
  receivedAt: Date;
  /** How it arrived: live consumer, backfill run, direct ingestion (tests, tools). */
  source: string;
  event: RecordedEvent;
}

export interface AnomalyDocument extends AnomalyFinding {
  _id: string;
  context: string;
  detectedAt: Date;
  source: string;
  status: 'open' | 'resolved';
  resolvedAt?: Date;
  resolution?: string;
}

export interface CheckpointDocument {
  _id: string;
  context: string;
  date: string;
  root: string;
  leafCount: number;
  leaves: MerkleLeaf[];
  sealedAt: Date;
  /** The chain root over the context's days in sealing order, up to and with this one. */
  chainRoot?: string;
  previousChainRoot?: string;
}

export { isDuplicateKey } from '@nangsuat/read-models';

/** The ledger's indexes: by stream (unique), by day for checkpoints, by order, user, unit and type. */
export const LEDGER_INDEXES: readonly { keys: Record<string, 1>; options: { name: string; unique?: true } }[] = [
  { keys: { 'event.streamId': 1, 'event.streamVersion': 1 }, options: { name: 'stream_version_unique', unique: true } },
  { keys: { context: 1, day: 1, 'event.globalPosition': 1 }, options: { name: 'checkpoint_leaves' } },
  { keys: { context: 1, 'event.globalPosition': 1 }, options: { name: 'context_order' } },
  { keys: { 'event.metadata.actor.username': 1, 'event.recordedAt': 1 }, options: { name: 'by_user' } },
  { keys: { 'event.metadata.unit': 1, 'event.recordedAt': 1 }, options: { name: 'by_unit' } },
  { keys: { 'event.type': 1, 'event.recordedAt': 1 }, options: { name: 'by_type' } },
];

/** What the audit queries filter and sort the ledger on. */
const LEDGER_FIELDS = [...new Set([...LEDGER_INDEXES.flatMap((index) => Object.keys(index.keys)), 'receivedAt'])];

@Injectable()
export class LedgerRepository implements OnModuleInit {
  private ready?: Promise<void>;

  /**
   * The ledger is an append-only log, read by stream, day, user, unit and type: on PostgreSQL beside
   * a PostgreSQL event store (indexed), else in the service's MongoDB database (docs/decisions/0008).
   */
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  get ledger(): DocumentCollection<LedgerDocument> {
    return this.store.collection<LedgerDocument>('ledger', { dates: ['receivedAt'], fields: LEDGER_FIELDS });
  }

  get anomalies(): DocumentCollection<AnomalyDocument> {
    return this.store.collection<AnomalyDocument>('ledger.anomalies', { dates: ['detectedAt', 'resolvedAt'] });
  }

  /** Another collection of the audit database (backfill runs). */
  collection<T extends object>(name: string, options?: CollectionOptions): DocumentCollection<T> {
    return this.store.collection<T>(name, options);
  }

  get checkpoints(): DocumentCollection<CheckpointDocument> {
    return this.store.collection<CheckpointDocument>('ledger.checkpoints', { dates: ['sealedAt'] });
  }

  onModuleInit(): Promise<void> {
    return this.ensureIndexes();
  }

  ensureIndexes(): Promise<void> {
    this.ready ??= (async () => {
      for (const index of LEDGER_INDEXES) await this.ledger.createIndex(index.keys, index.options);
      await this.anomalies.createIndex({ streamId: 1, streamVersion: 1 }, { name: 'by_stream' });
      await this.anomalies.createIndex({ status: 1, detectedAt: 1 }, { name: 'by_status' });
    })();
    return this.ready;
  }

  async held(streamId: string, streamVersion: number): Promise<HeldEvent | undefined> {
    const doc = await this.ledger.findOne({ 'event.streamId': streamId, 'event.streamVersion': streamVersion });
    return doc ? heldOf(doc.event) : undefined;
  }

  async heldById(eventId: string): Promise<HeldEvent | undefined> {
    const doc = await this.ledger.findOne({ _id: eventId });
    return doc ? heldOf(doc.event) : undefined;
  }

  /** A stream's events as the ledger holds them, in stream-version order. */
  async stream(streamId: string): Promise<LedgerDocument[]> {
    return this.ledger.find({ 'event.streamId': streamId }).sort({ 'event.streamVersion': 1 }).toArray();
  }
}

function heldOf(event: RecordedEvent): HeldEvent {
  return { eventId: event.id, streamVersion: event.streamVersion, globalPosition: event.globalPosition, hash: event.hash, prevHash: event.prevHash };
}
