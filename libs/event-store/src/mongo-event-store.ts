import { randomUUID } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import { Checkpoint, CheckpointStore, CommitDocument, Snapshot, SnapshotStore, StoreCollections, storeCollections, toRecordedEvents } from './commit';
import { CommitLogStore, CommitLogStoreOptions, UniqueKeyViolation, withinReadOptions } from './commit-log-store';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { Leadership, ReadAllOptions, ReadStreamOptions } from './ports';

export interface MongoEventStoreOptions extends CommitLogStoreOptions {
  /** Collection name of the commits; snapshots and checkpoints get it as a prefix. Default `events`. */
  readonly collectionPrefix?: string;
  /** A leader's lease lasts this long unless renewed (renewed every third of it). Default 10 s. */
  readonly leaseMs?: number;
}

const DUPLICATE_KEY = 11000;

interface CheckpointDocument {
  _id: string;
  position: number;
  updatedAt: Date;
  skipped?: { from: number; to: number }[];
}

type SnapshotDocument = Snapshot & { _id: string };

/**
 * The event store over a mongoose connection, using only what every MongoDB-wire store offers
 * (FerretDB included): one commit document per append, single-document atomic inserts and unique
 * indexes — (streamId, firstVersion), commandId, and the commit's `_id`, its first global position.
 * See docs/decisions/0002-event-store-on-mongodb-wire.md.
 */
export class MongoEventStore extends CommitLogStore {
  readonly names: StoreCollections;
  readonly checkpoints: CheckpointStore;
  readonly snapshots: SnapshotStore;
  private indexesReady?: Promise<void>;

  constructor(
    private readonly connection: Connection,
    override readonly options: MongoEventStoreOptions,
  ) {
    super(options);
    this.names = storeCollections(options.collectionPrefix);
    this.checkpoints = new MongoCheckpoints(this.collection<CheckpointDocument>('checkpoints'));
    this.snapshots = new MongoSnapshots(this.collection<SnapshotDocument>('snapshots'));
  }

  /** The commit collection (also the outbox). */
  get commits(): Collection<CommitDocument> {
    return this.connection.collection<CommitDocument>(this.names.commits);
  }

  collection<T extends object>(name: keyof StoreCollections): Collection<T> {
    return this.connection.collection<T>(this.names[name]);
  }

  /** Creates the indexes the store relies on (idempotent). */
  ensureReady(): Promise<void> {
    this.indexesReady ??= (async () => {
      await this.commits.createIndex({ streamId: 1, firstVersion: 1 }, { unique: true, name: 'stream_version_unique' });
      await this.commits.createIndex({ commandId: 1 }, { unique: true, name: 'command_id_unique' });
    })();
    return this.indexesReady;
  }

  /** The former name of ensureReady. */
  ensureIndexes(): Promise<void> {
    return this.ensureReady();
  }

  /** The connection is the service's; it closes it. */
  async close(): Promise<void> {}

  protected async insertCommit(commit: CommitDocument): Promise<void> {
    await this.ensureReady();
    try {
      await this.commits.insertOne(commit);
    } catch (error) {
      throw isDuplicateKey(error) ? new UniqueKeyViolation(error) : error;
    }
  }

  protected async findCommitByCommandId(commandId: string): Promise<CommitDocument | null> {
    await this.ensureReady();
    return this.commits.findOne({ commandId });
  }

  protected findHead(streamId: string): Promise<CommitDocument | null> {
    return this.commits.findOne({ streamId }, { sort: { firstVersion: -1 } });
  }

  protected async highestPosition(): Promise<number> {
    const [last] = await this.commits.find({}, { sort: { _id: -1 }, limit: 1, projection: { lastPosition: 1 } }).toArray();
    return last?.lastPosition ?? 0;
  }

  protected async insertVoidMarkers(markers: readonly CommitDocument[]): Promise<number> {
    try {
      await this.commits.insertMany([...markers], { ordered: true });
      return markers.length;
    } catch (error) {
      const refused = (error as { writeErrors?: { index: number; code?: number }[] }).writeErrors?.[0];
      if (!isDuplicateKey(error) && refused?.code !== DUPLICATE_KEY) throw error;
      return refused?.index ?? 0;
    }
  }

  protected async storedEvents(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const filter: Record<string, unknown> = { streamId };
    if (options.fromVersion !== undefined) {
      filter[backwards ? 'firstVersion' : 'lastVersion'] = backwards ? { $lte: options.fromVersion } : { $gte: options.fromVersion };
    }
    if (options.asOfVersion !== undefined) filter.firstVersion = { ...(filter.firstVersion as object), $lte: options.asOfVersion };
    if (options.asOfTime !== undefined) filter.recordedAt = { $lte: new Date(options.asOfTime) };
    const commits = await this.commits.find(filter, { sort: { firstVersion: 1 } }).toArray();
    return withinReadOptions(commits.flatMap(toRecordedEvents), options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.afterPosition ?? 0;
    const filter: Record<string, unknown> = { lastPosition: { $gt: after }, void: { $exists: false } };
    if (options.streamPrefix) filter.streamId = { $regex: `^${escapeRegex(options.streamPrefix)}` };
    if (options.types?.length) filter['events.type'] = { $in: [...options.types] };
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    const cursor = this.commits.find(filter, { sort: { _id: 1 }, batchSize: Math.min(1000, Math.max(limit, 10)) });
    try {
      for await (const commit of cursor) {
        for (const event of toRecordedEvents(commit)) {
          if (event.globalPosition <= after) continue;
          if (options.types?.length && !options.types.includes(event.type)) continue;
          events.push(this.upcasters.apply(event));
          if (events.length >= limit) return events;
        }
      }
    } finally {
      await cursor.close();
    }
    return events;
  }

  readCommits(afterPosition: number, limit: number): Promise<CommitDocument[]> {
    return this.commits.find({ _id: { $gt: afterPosition } }, { sort: { _id: 1 }, limit }).toArray();
  }

  /** One cursor for the whole pass: on FerretDB each query scans and sorts the collection, so paging would cost a scan per page. */
  async *commitsAfter(afterPosition: number, batchSize: number): AsyncIterable<CommitDocument> {
    const cursor = this.commits.find({ _id: { $gt: afterPosition } }, { sort: { _id: 1 }, batchSize });
    try {
      for await (const commit of cursor) yield commit;
    } finally {
      await cursor.close().catch(() => undefined);
    }
  }

  /**
   * A lease document renewed by its holder; another replica takes it once it has expired. MongoDB
   * makes the conditional update atomic; FerretDB 1.24 does not (decision 0002), so there two
   * replicas may briefly both lead, which only duplicates deliveries (consumers are idempotent).
   */
  async acquireLeadership(name: string): Promise<Leadership | undefined> {
    const leases = this.connection.collection<{ _id: string; holder: string; expiresAt: Date }>(`${this.names.checkpoints}.leases`);
    const holder = randomUUID();
    const ttl = this.options.leaseMs ?? 10_000;
    const claim = async (): Promise<boolean> => {
      const now = new Date();
      try {
        const result = await leases.updateOne(
          { _id: name, $or: [{ holder }, { expiresAt: { $lt: now } }] },
          { $set: { holder, expiresAt: new Date(now.getTime() + ttl) } },
          { upsert: true },
        );
        return result.matchedCount + result.upsertedCount > 0;
      } catch (error) {
        if (isDuplicateKey(error)) return false; // held by another, not expired: the upsert's insert hit its _id
        throw error;
      }
    };
    if (!(await claim())) return undefined;
    let lose!: () => void;
    const lost = new Promise<void>((resolve) => (lose = resolve));
    const timer = setInterval(() => {
      claim().then(
        (held) => (held ? undefined : (clearInterval(timer), lose())),
        () => (clearInterval(timer), lose()),
      );
    }, Math.max(100, Math.floor(ttl / 3)));
    timer.unref();
    return {
      lost,
      release: async () => {
        clearInterval(timer);
        await leases.deleteOne({ _id: name, holder }).catch(() => undefined);
        lose();
      },
    };
  }

  countCommits(afterPosition = 0): Promise<number> {
    return this.commits.countDocuments({ _id: { $gt: afterPosition }, void: { $ne: true } });
  }
}

class MongoCheckpoints implements CheckpointStore {
  constructor(private readonly collection: Collection<CheckpointDocument>) {}

  async load(name: string): Promise<Checkpoint | undefined> {
    const doc = await this.collection.findOne({ _id: name });
    return doc ? { name, position: doc.position, updatedAt: doc.updatedAt, skipped: doc.skipped } : undefined;
  }

  async save(name: string, position: number, skipped: readonly { from: number; to: number }[] = []): Promise<void> {
    await this.collection.updateOne(
      { _id: name },
      { $set: { position, updatedAt: new Date() }, ...(skipped.length ? { $push: { skipped: { $each: [...skipped] } } } : {}) },
      { upsert: true },
    );
  }

  async remove(name: string): Promise<void> {
    await this.collection.deleteOne({ _id: name });
  }
}

class MongoSnapshots implements SnapshotStore {
  constructor(private readonly collection: Collection<SnapshotDocument>) {}

  async load(streamId: string): Promise<Snapshot | undefined> {
    const doc = await this.collection.findOne({ _id: streamId });
    if (!doc) return undefined;
    const { _id, ...snapshot } = doc;
    return snapshot;
  }

  async save(snapshot: Snapshot): Promise<void> {
    await this.collection.replaceOne({ _id: snapshot.streamId, version: { $lt: snapshot.version } }, { ...snapshot }, { upsert: true }).catch((error: unknown) => {
      // A newer snapshot is stored: the filter misses it and the upsert's insert hits its _id.
      if (!isDuplicateKey(error)) throw error;
    });
  }
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
