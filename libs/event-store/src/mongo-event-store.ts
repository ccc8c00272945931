import { randomUUID } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import { CommitDocument, StoreCollections, StoredEvent, VOID_STREAM, storeCollections, toRecordedEvents, toStoredEvent } from './commit';
import { Conflict, DomainError, VersionConflict } from './errors';
import { DomainEvent, ExpectedVersion, RecordedEvent } from './event';
import { withHash } from './hashing';
import { AppendOptions, AppendResult, EventStorePort, ReadAllOptions, ReadStreamOptions, StreamVerification } from './ports';
import { Upcaster, Upcasters } from './upcasting';
import { verifyChain } from './verification';

export interface MongoEventStoreOptions {
  /** Names the topic (`nangsuat.<boundedContext>.events`) and the logs. */
  readonly boundedContext: string;
  /** Collection name of the commits; snapshots and checkpoints get it as a prefix. Default `events`. */
  readonly collectionPrefix?: string;
  readonly upcasters?: readonly Upcaster[];
  /** Appends with expected version `any` retry this many times when another writer got in first. */
  readonly anyVersionRetries?: number;
  readonly clock?: () => Date;
  /**
   * Test seam: runs after the global positions of an append are allocated and before its commit
   * is inserted, so a test can hold a position open while later commits land.
   */
  readonly afterPositionsAllocated?: (allocation: PositionAllocation) => Promise<void> | void;
}

export interface PositionAllocation {
  readonly streamId: string;
  readonly firstPosition: number;
  readonly lastPosition: number;
}

/** What the store tells its listeners after each successful append, and after it voided positions it had taken. */
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

interface StreamHead {
  readonly lastVersion: number;
  readonly lastHash: string;
  readonly lastPosition: number;
}

/** Position collisions with other writer processes tolerated per append before giving up. */
const MAX_POSITION_COLLISIONS = 20;
const DUPLICATE_KEY = 11000;

/**
 * EventStorePort over a mongoose connection, using only what every MongoDB-wire store offers
 * (FerretDB included): single-document atomic inserts, unique indexes and findOneAndUpdate/$inc.
 * See docs/decisions/0002-event-store-on-mongodb-wire.md.
 */
export class MongoEventStore implements EventStorePort {
  readonly names: StoreCollections;
  private readonly upcasters: Upcasters;
  private readonly clock: () => Date;
  private readonly listeners = new Set<CommitListener>();
  private indexesReady?: Promise<void>;
  private nextPosition?: number;
  private readonly heads = new Map<string, StreamHead>();
  private seeding?: Promise<void>;

  constructor(
    private readonly connection: Connection,
    readonly options: MongoEventStoreOptions,
  ) {
    this.names = storeCollections(options.collectionPrefix);
    this.upcasters = new Upcasters(options.upcasters);
    this.clock = options.clock ?? (() => new Date());
  }

  get boundedContext(): string {
    return this.options.boundedContext;
  }

  /** The commit collection (also the outbox); for the relay and subscriptions. */
  get commits(): Collection<CommitDocument> {
    return this.connection.collection<CommitDocument>(this.names.commits);
  }

  collection<T extends object>(name: keyof StoreCollections): Collection<T> {
    return this.connection.collection<T>(this.names[name]);
  }

  /** Creates the indexes the store relies on (idempotent; called by the Nest module on init). */
  ensureIndexes(): Promise<void> {
    this.indexesReady ??= (async () => {
      await this.commits.createIndex({ streamId: 1, firstVersion: 1 }, { unique: true, name: 'stream_version_unique' });
      await this.commits.createIndex({ commandId: 1 }, { unique: true, name: 'command_id_unique' });
    })();
    return this.indexesReady;
  }

  /** Called after every successful append (the relay uses it to publish without waiting for its next poll). */
  onCommitted(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(notice: CommitNotice): void {
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch {
        // The commit stands whatever a listener does; listeners are only shortcuts (the relay and subscriptions also poll).
      }
    }
  }

  /** The result of an earlier append with this command id, if there was one (idempotent commands). */
  async previousResult(streamId: string, commandId: string): Promise<AppendResult | undefined> {
    await this.ensureIndexes();
    const earlier = await this.commits.findOne({ commandId });
    return earlier ? this.duplicateResult(streamId, earlier) : undefined;
  }

  async append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult> {
    if (!streamId || streamId.startsWith('$')) throw new DomainError(`Invalid stream id "${streamId}"`, 'invalid-stream-id');
    await this.ensureIndexes();
    if (options.commandId) {
      const earlier = await this.commits.findOne({ commandId: options.commandId });
      if (earlier) return this.duplicateResult(streamId, earlier);
    }
    if (events.length === 0) {
      const head = await this.head(streamId);
      checkExpected(streamId, options.expectedVersion, head?.lastVersion ?? 0, head !== null);
      return { events: [], nextExpectedVersion: head?.lastVersion ?? 0, duplicate: false };
    }
    const attempts = options.expectedVersion === 'any' ? 1 + (this.options.anyVersionRetries ?? 10) : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tryAppend(streamId, events, options);
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= attempts) throw error;
      }
    }
  }

  private async tryAppend(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult> {
    for (let collisions = 0; ; collisions++) {
      // Read the head first, then take positions: a stream's later commit always gets higher
      // positions than its earlier one, so global order never contradicts stream order.
      const head = await this.headFor(streamId, options.expectedVersion);
      const currentVersion = head?.lastVersion ?? 0;
      checkExpected(streamId, options.expectedVersion, currentVersion, head !== null);

      const { firstPosition, lastPosition } = await this.allocatePositions(events.length);
      let commit: CommitDocument;
      try {
        await this.options.afterPositionsAllocated?.({ streamId, firstPosition, lastPosition });
        commit = this.buildCommit(streamId, events, options, head, firstPosition);
        await this.commits.insertOne(commit);
      } catch (error) {
        // Whatever happened, our positions must not stay a hole that subscriptions wait on (if
        // another process holds them, this insert fails and changes nothing).
        await this.fillVoid(firstPosition, lastPosition);
        this.heads.delete(streamId);
        if (!isDuplicateKey(error)) throw error;
        // The store does not say which unique index refused the commit: find out.
        if (options.commandId) {
          const earlier = await this.commits.findOne({ commandId: options.commandId });
          if (earlier) return this.duplicateResult(streamId, earlier);
        }
        const actual = (await this.head(streamId))?.lastVersion ?? 0;
        if (actual !== currentVersion || collisions >= MAX_POSITION_COLLISIONS) throw new VersionConflict(streamId, options.expectedVersion, actual);
        // Another process took these positions: continue after the highest one stored.
        await this.refreshPositions();
        continue;
      }
      this.rememberHead(streamId, { lastVersion: commit.lastVersion, lastHash: commit.events[commit.events.length - 1].hash, lastPosition: commit.lastPosition });
      this.notify({ streamId, firstPosition, lastPosition, commit, previousPosition: head?.lastPosition });
      return { events: toRecordedEvents(commit).map((e) => this.upcasters.apply(e)), nextExpectedVersion: commit.lastVersion, duplicate: false };
    }
  }

  /**
   * The stream head an append builds on. Heads this process wrote are remembered: commits are
   * immutable, so a remembered head is either still the head or stale, and a stale one only makes
   * the insert fail on the (streamId, firstVersion) index, after which the head is read again.
   * That saves a query per append when a caller appends at the version it just wrote, and
   * "no-stream" needs no read at all.
   */
  private async headFor(streamId: string, expected: ExpectedVersion): Promise<StreamHead | null> {
    if (expected === 'no-stream') return null;
    const known = this.heads.get(streamId);
    if (known && (expected === 'any' || known.lastVersion === expected)) return known;
    const commit = await this.head(streamId);
    return commit ? { lastVersion: commit.lastVersion, lastHash: commit.events[commit.events.length - 1]?.hash ?? '', lastPosition: commit.lastPosition } : null;
  }

  private rememberHead(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > 10_000) this.heads.delete(this.heads.keys().next().value!);
  }

  private buildCommit(streamId: string, events: readonly DomainEvent[], options: AppendOptions, head: StreamHead | null, firstPosition: number): CommitDocument {
    const recordedAt = this.clock();
    const recordedAtIso = recordedAt.toISOString();
    // A JSON round trip drops undefined members and turns dates into strings, so the stored,
    // hashed and published forms of an event are the same bytes.
    const metadata = plainJson(options.metadata);
    const occurredAt = options.occurredAt ?? recordedAtIso;
    let prevHash = head?.lastHash ?? '';
    const firstVersion = (head?.lastVersion ?? 0) + 1;
    const stored: StoredEvent[] = events.map((event, index) => {
      const recorded = withHash({
        id: randomUUID(),
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: plainJson(event.data),
        streamId,
        streamVersion: firstVersion + index,
        globalPosition: firstPosition + index,
        occurredAt,
        recordedAt: recordedAtIso,
        metadata,
        prevHash,
      });
      prevHash = recorded.hash;
      return toStoredEvent(recorded);
    });
    return {
      _id: firstPosition,
      lastPosition: firstPosition + events.length - 1,
      streamId,
      firstVersion,
      lastVersion: firstVersion + events.length - 1,
      commandId: options.commandId ?? `none:${firstPosition}`,
      recordedAt,
      metadata,
      events: stored,
    };
  }

  /**
   * Takes a block of global positions. The commit's insert is what claims them (its _id is the
   * first position, unique), so the allocator only has to be a good guess: in-process it hands
   * out consecutive blocks, seeded from the highest stored position and re-seeded when another
   * process turns out to have taken ours. (FerretDB 1.24 runs findOneAndUpdate/$inc and
   * compare-and-set updates non-atomically under concurrency, so a counter document is unsafe.)
   */
  async allocatePositions(count: number): Promise<{ firstPosition: number; lastPosition: number }> {
    if (this.nextPosition === undefined) await this.refreshPositions();
    const firstPosition = this.nextPosition!;
    this.nextPosition = firstPosition + count;
    return { firstPosition, lastPosition: firstPosition + count - 1 };
  }

  private async refreshPositions(): Promise<void> {
    this.seeding ??= (async () => {
      const [last] = await this.commits.find({}, { sort: { _id: -1 }, limit: 1, projection: { lastPosition: 1 } }).toArray();
      this.nextPosition = Math.max(this.nextPosition ?? 1, (last?.lastPosition ?? 0) + 1);
    })().finally(() => (this.seeding = undefined));
    await this.seeding;
  }

  /** Marks an abandoned block of positions as void (best effort: a crash leaves a gap that subscriptions time out on). */
  private async fillVoid(firstPosition: number, lastPosition: number): Promise<void> {
    const marker = this.voidMarker(firstPosition, lastPosition);
    if (await this.commits.insertOne(marker).then(() => true, () => false)) this.notify({ streamId: VOID_STREAM, firstPosition, lastPosition, commit: marker });
  }

  /**
   * Claims positions that no commit has taken, one void marker per position, for a reader that
   * waited long enough at a hole (the outbox relay). A marker's insert claims its position like a
   * commit's does, so a writer that was only slow finds its positions taken and appends again at
   * new ones: nothing is lost. Claims in ascending order and stops at the first position a commit
   * took meanwhile (a marker must never land inside that commit's block). Returns the number of
   * positions claimed from `firstPosition` on.
   */
  async voidAbandonedPositions(firstPosition: number, lastPosition: number): Promise<number> {
    const markers = Array.from({ length: lastPosition - firstPosition + 1 }, (_, i) => this.voidMarker(firstPosition + i, firstPosition + i));
    try {
      await this.commits.insertMany(markers, { ordered: true });
      return markers.length;
    } catch (error) {
      const refused = (error as { writeErrors?: { index: number; code?: number }[] }).writeErrors?.[0];
      if (!isDuplicateKey(error) && refused?.code !== DUPLICATE_KEY) throw error;
      return refused?.index ?? 0;
    }
  }

  private voidMarker(firstPosition: number, lastPosition: number): CommitDocument {
    return {
      _id: firstPosition,
      lastPosition,
      streamId: VOID_STREAM,
      firstVersion: firstPosition,
      lastVersion: firstPosition,
      commandId: `void:${firstPosition}`,
      recordedAt: this.clock(),
      metadata: { actor: { id: 'system', username: 'system', unit: '' }, unit: '', correlationId: 'void' },
      events: [],
      void: true,
    };
  }

  private async head(streamId: string): Promise<CommitDocument | null> {
    return this.commits.findOne({ streamId }, { sort: { firstVersion: -1 } });
  }

  private duplicateResult(streamId: string, earlier: CommitDocument): AppendResult {
    if (earlier.streamId !== streamId) {
      throw new Conflict(
        `Idempotency-Key ${earlier.commandId} was already used for another request (record ${earlier.streamId}); use a new key for a new request.`,
        'idempotency-key-reused',
        { commandId: earlier.commandId },
      );
    }
    return { events: toRecordedEvents(earlier).map((e) => this.upcasters.apply(e)), nextExpectedVersion: earlier.lastVersion, duplicate: true };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const filter: Record<string, unknown> = { streamId };
    if (options.fromVersion !== undefined) {
      filter[backwards ? 'firstVersion' : 'lastVersion'] = backwards ? { $lte: options.fromVersion } : { $gte: options.fromVersion };
    }
    if (options.asOfVersion !== undefined) filter.firstVersion = { ...(filter.firstVersion as object), $lte: options.asOfVersion };
    if (options.asOfTime !== undefined) filter.recordedAt = { $lte: new Date(options.asOfTime) };
    const commits = await this.commits.find(filter, { sort: { firstVersion: backwards ? -1 : 1 } }).toArray();
    const events: RecordedEvent[] = [];
    for (const commit of commits) {
      const inCommit = toRecordedEvents(commit);
      for (const event of backwards ? inCommit.reverse() : inCommit) {
        if (options.fromVersion !== undefined && (backwards ? event.streamVersion > options.fromVersion : event.streamVersion < options.fromVersion)) continue;
        if (options.asOfVersion !== undefined && event.streamVersion > options.asOfVersion) continue;
        events.push(this.upcasters.apply(event));
        if (options.maxCount !== undefined && events.length >= options.maxCount) return events;
      }
    }
    return events;
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

  /** Checks the stored chain as written (no upcasting, stored order) and names the first broken event. */
  async verifyStream(streamId: string): Promise<StreamVerification> {
    const commits = await this.commits.find({ streamId }, { sort: { firstVersion: 1 } }).toArray();
    return verifyChain(streamId, commits.flatMap(toRecordedEvents));
  }

  /** Applies the registered upcasters (for events read through other paths, e.g. subscriptions). */
  upcast(event: RecordedEvent): RecordedEvent {
    return this.upcasters.apply(event);
  }

  /** The current version of a stream (0 when it has no events). */
  async streamVersion(streamId: string): Promise<number> {
    return (await this.head(streamId))?.lastVersion ?? 0;
  }
}

function checkExpected(streamId: string, expected: ExpectedVersion, actual: number, exists: boolean): void {
  if (expected === 'any') return;
  if (expected === 'no-stream' ? exists : expected !== actual) throw new VersionConflict(streamId, expected, actual);
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}

function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
