import { randomUUID } from 'node:crypto';
import { CheckpointStore, CommitDocument, CommitListener, CommitNotice, SnapshotStore, StoredEvent, VOID_STREAM, serialised, toRecordedEvents, toStoredEvent } from './commit';
import { Conflict, DomainError, hashEvent, IdempotencyKeyMismatch, IntegrityViolation, VersionConflict, DomainEvent, ExpectedVersion, RecordedEvent, withHashes, Upcaster, Upcasters, verifyChain, StreamVerification } from '@nangsuat/event-sourcing';
import { AppendOptions, AppendResult, EventStore, Leadership, ReadAllOptions, ReadStreamOptions } from './ports';

export interface CommitLogStoreOptions {
  /** Names the topic (`nangsuat.<boundedContext>.events`) and the logs. */
  readonly boundedContext: string;
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

interface StreamHead {
  readonly lastVersion: number;
  readonly lastHash: string;
  readonly lastPosition: number;
}

/** Raised by an adapter when a unique key refused an insert (stream version, position or command id). */
export class UniqueKeyViolation extends Error {
  constructor(override readonly cause?: unknown) {
    super('unique key violation');
  }
}

/** Position collisions with other writer processes tolerated per append before giving up. */
const MAX_POSITION_COLLISIONS = 20;

/**
 * The append algorithm both adapters share; an adapter supplies the storage primitives.
 *
 * An append reads the stream head, takes a block of global positions, builds the envelope and hash
 * chain, and inserts one commit. The commit's unique keys decide: (stream, version) refuses a
 * concurrent writer (VersionConflict), the position refuses a block another process took (taken
 * again), the command id refuses a repeated command (its first result is returned).
 */
export abstract class CommitLogStore implements EventStore {
  protected readonly upcasters: Upcasters;
  protected readonly clock: () => Date;
  private readonly listeners = new Set<CommitListener>();
  private nextPosition?: number;
  private readonly heads = new Map<string, StreamHead>();
  private seeding?: Promise<void>;

  abstract readonly checkpoints: CheckpointStore;
  abstract readonly snapshots: SnapshotStore;

  protected constructor(readonly options: CommitLogStoreOptions) {
    this.upcasters = new Upcasters(options.upcasters);
    this.clock = options.clock ?? (() => new Date());
  }

  get boundedContext(): string {
    return this.options.boundedContext;
  }

  // --- storage primitives --------------------------------------------------------------------
  abstract ensureReady(): Promise<void>;
  abstract close(): Promise<void>;
  /** Inserts the commit and its events atomically; a unique key refusing it is a UniqueKeyViolation. */
  protected abstract insertCommit(commit: CommitDocument): Promise<void>;
  protected abstract findCommitByCommandId(commandId: string): Promise<CommitDocument | null>;
  /** The stream's last commit. */
  protected abstract findHead(streamId: string): Promise<CommitDocument | null>;
  /** The highest global position stored (0 for an empty store). */
  protected abstract highestPosition(): Promise<number>;
  /** Inserts void markers in order, stopping at the first refused one; returns how many went in. */
  protected abstract insertVoidMarkers(markers: readonly CommitDocument[]): Promise<number>;
  /** The stream's events as stored (no upcasting), in version order, within the read options. */
  protected abstract storedEvents(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]>;
  abstract readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  abstract readCommits(afterPosition: number, limit: number): Promise<CommitDocument[]>;
  abstract commitsAfter(afterPosition: number, batchSize: number): AsyncIterable<CommitDocument>;
  abstract countCommits(afterPosition?: number): Promise<number>;
  abstract acquireLeadership(name: string): Promise<Leadership | undefined>;

  // --- listeners -------------------------------------------------------------------------------
  onCommitted(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected notify(notice: CommitNotice): void {
    for (const listener of this.listeners) {
      try {
        listener(notice);
      } catch {
        // The commit stands whatever a listener does; listeners are only shortcuts (readers also poll).
      }
    }
  }

  upcast(event: RecordedEvent): RecordedEvent {
    return this.upcasters.apply(event);
  }

  // --- appends ---------------------------------------------------------------------------------
  async previousResult(streamId: string, commandId: string, fingerprint?: string): Promise<AppendResult | undefined> {
    const earlier = await this.findCommitByCommandId(commandId);
    return earlier ? this.duplicateResult(streamId, earlier, fingerprint) : undefined;
  }

  async append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult> {
    // A NUL character is refused too: no PostgreSQL text can hold it.
    if (!streamId || streamId.startsWith('$') || streamId.includes('\u0000')) throw new DomainError(`Invalid stream id "${streamId.slice(0, 100).split('\u0000').join('\\0')}"`, 'invalid-stream-id');
    if (options.commandId && !options.commandIdLookedUp) {
      const earlier = await this.findCommitByCommandId(options.commandId);
      if (earlier) return this.duplicateResult(streamId, earlier, options.metadata.request?.fingerprint);
    }
    if (events.length === 0) {
      const head = await this.findHead(streamId);
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
        await this.insertCommit(commit);
      } catch (error) {
        // Whatever happened, our positions must not stay a hole that readers wait on (if another
        // process holds them, this insert is refused and changes nothing).
        await this.fillVoid(firstPosition, lastPosition);
        this.heads.delete(streamId);
        if (!(error instanceof UniqueKeyViolation)) throw error;
        // The store does not say which unique key refused the commit: find out.
        if (options.commandId) {
          const earlier = await this.findCommitByCommandId(options.commandId);
          if (earlier) return this.duplicateResult(streamId, earlier, options.metadata.request?.fingerprint);
        }
        const actual = (await this.findHead(streamId))?.lastVersion ?? 0;
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
   * the insert fail on the (stream, version) key, after which the head is read again. That saves a
   * query per append when a caller appends at the version it just wrote; "no-stream" needs none.
   */
  private async headFor(streamId: string, expected: ExpectedVersion): Promise<StreamHead | null> {
    if (expected === 'no-stream') return null;
    const known = this.heads.get(streamId);
    if (known && (expected === 'any' || known.lastVersion === expected)) return known;
    const commit = await this.findHead(streamId);
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
    const firstVersion = (head?.lastVersion ?? 0) + 1;
    // One chain: each event's prevHash is the hash before it; the shared metadata is serialised once.
    const stored: StoredEvent[] = withHashes(
      events.map((event, index) => ({
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
      })),
      head?.lastHash ?? '',
    ).map(toStoredEvent);
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
   * Takes a block of global positions. The commit's insert is what claims them (unique keys), so
   * the allocator only has to be a good guess: in-process it hands out consecutive blocks, seeded
   * from the highest stored position and re-seeded when another process turns out to have taken
   * ours. No counter row: a counter updated in every append would serialise all writers.
   */
  async allocatePositions(count: number): Promise<{ firstPosition: number; lastPosition: number }> {
    if (this.nextPosition === undefined) await this.refreshPositions();
    const firstPosition = this.nextPosition!;
    this.nextPosition = firstPosition + count;
    return { firstPosition, lastPosition: firstPosition + count - 1 };
  }

  private async refreshPositions(): Promise<void> {
    this.seeding ??= (async () => {
      const last = await this.highestPosition();
      this.nextPosition = Math.max(this.nextPosition ?? 1, last + 1);
    })().finally(() => (this.seeding = undefined));
    await this.seeding;
  }

  /** Marks an abandoned block of positions as void (best effort: a crash leaves a hole that readers claim later). */
  private async fillVoid(firstPosition: number, lastPosition: number): Promise<void> {
    const marker = this.voidMarker(firstPosition, lastPosition);
    if ((await this.insertVoidMarkers([marker]).catch(() => 0)) === 1) this.notify({ streamId: VOID_STREAM, firstPosition, lastPosition, commit: marker });
  }

  /**
   * Claims positions that no commit has taken, one void marker per position, for a reader that
   * waited long enough at a hole (the outbox relay). A marker's insert claims its position like a
   * commit's does, so a writer that was only slow finds its positions taken and appends again at
   * new ones: nothing is lost. Claims in ascending order and stops at the first position a commit
   * took meanwhile (a marker must never land inside that commit's block).
   */
  voidAbandonedPositions(firstPosition: number, lastPosition: number): Promise<number> {
    const markers = Array.from({ length: lastPosition - firstPosition + 1 }, (_, i) => this.voidMarker(firstPosition + i, firstPosition + i));
    return this.insertVoidMarkers(markers);
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

  private duplicateResult(streamId: string, earlier: CommitDocument, fingerprint?: string): AppendResult {
    const first = earlier.metadata.request;
    if (fingerprint && first && first.fingerprint !== fingerprint) throw new IdempotencyKeyMismatch(first.idempotencyKey);
    if (earlier.streamId !== streamId) {
      const key = first?.idempotencyKey ?? earlier.commandId;
      throw new Conflict(
        `Idempotency-Key ${key} was already used for another request (record ${earlier.streamId}); use a new key for a new request.`,
        'idempotency-key-reused',
        { commandId: key },
      );
    }
    return { events: toRecordedEvents(earlier).map((e) => this.upcasters.apply(e)), nextExpectedVersion: earlier.lastVersion, duplicate: true };
  }

  async importCommits(commits: readonly CommitDocument[]): Promise<void> {
    for (const commit of commits) {
      if (commit.void) {
        if ((await this.insertVoidMarkers([commit])) !== 1) throw new Conflict(`Position ${commit._id} is already taken in the target store.`, 'position-taken');
      } else {
        await this.insertCommit(commit).catch((error: unknown) => {
          throw error instanceof UniqueKeyViolation ? new Conflict(`Commit at position ${commit._id} (${commit.streamId} v${commit.firstVersion}) is already in the target store.`, 'commit-exists') : error;
        });
      }
    }
    this.nextPosition = undefined; // re-seed from what is stored now
  }

  // --- reads -----------------------------------------------------------------------------------
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stored = await this.storedEvents(streamId, options);
    if (options.verifyChain && options.direction !== 'backwards') checkStoredChain(streamId, stored);
    return stored.map((e) => this.upcasters.apply(e));
  }

  /** Checks the stored chain as written (no upcasting, stored order) and names the first broken event. */
  async verifyStream(streamId: string): Promise<StreamVerification> {
    return verifyChain(streamId, await this.storedEvents(streamId, {}));
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await this.findHead(streamId))?.lastVersion ?? 0;
  }
}

/** The hash chain of consecutive stored events (a read may start anywhere in the stream). */
function checkStoredChain(streamId: string, events: readonly RecordedEvent[]): void {
  let previous: RecordedEvent | undefined;
  for (const event of events) {
    const broken = (reason: string) => new IntegrityViolation(streamId, event.streamVersion, event.id, reason);
    if (hashEvent(event) !== event.hash) throw broken('its content does not match its hash (edited)');
    if (previous && event.streamVersion !== previous.streamVersion + 1) throw broken(`version ${previous.streamVersion + 1} is missing`);
    if (previous ? event.prevHash !== previous.hash : event.streamVersion === 1 && event.prevHash !== '') throw broken('its previous hash does not match the event before it (rewritten or reordered)');
    previous = event;
  }
}

/** Applies a stream read's options to events already in version order (forwards). */
export function withinReadOptions(events: readonly RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  const backwards = options.direction === 'backwards';
  const ordered = backwards ? [...events].reverse() : events;
  const out: RecordedEvent[] = [];
  for (const event of ordered) {
    if (options.fromVersion !== undefined && (backwards ? event.streamVersion > options.fromVersion : event.streamVersion < options.fromVersion)) continue;
    if (options.asOfVersion !== undefined && event.streamVersion > options.asOfVersion) continue;
    if (options.asOfTime !== undefined && event.recordedAt > new Date(options.asOfTime).toISOString()) continue;
    out.push(event);
    if (options.maxCount !== undefined && out.length >= options.maxCount) break;
  }
  return out;
}

function checkExpected(streamId: string, expected: ExpectedVersion, actual: number, exists: boolean): void {
  if (expected === 'any') return;
  if (expected === 'no-stream' ? exists : expected !== actual) throw new VersionConflict(streamId, expected, actual);
}

/** The value as JSON would give it back; the text it was read from is kept for `jsonText`. */
function plainJson<T>(value: T): T {
  const text = JSON.stringify(value);
  const plain = JSON.parse(text) as T;
  if (typeof plain === 'object' && plain !== null) serialised.set(plain, text);
  return plain;
}
