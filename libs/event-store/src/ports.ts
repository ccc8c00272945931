import { CheckpointStore, CommitDocument, CommitListener, SnapshotStore } from './commit';
import { Decider, DomainEvent, EventMetadata, ExpectedVersion, RecordedEvent, StreamVerification } from '@nangsuat/event-sourcing';

/**
 * The contract of the event store every service uses. Implemented over MongoDB (mongoose) with
 * only what every MongoDB-wire-compatible store supports: one commit document per append, a
 * unique index on (stream, version), a global position claimed by the commit's unique _id.
 */
export interface AppendOptions {
  readonly expectedVersion: ExpectedVersion;
  readonly metadata: EventMetadata;
  /** Idempotency key: a repeated command id returns the first result and writes nothing. */
  readonly commandId?: string;
  /**
   * The caller looked `commandId` up just before deciding (the command handler does): the append
   * skips its own lookup. A copy committed in between is still refused by the command id's unique
   * index and answered with the first result.
   */
  readonly commandIdLookedUp?: boolean;
  /** When the fact happened, if not now (ISO 8601). */
  readonly occurredAt?: string;
}

export interface AppendResult {
  readonly events: readonly RecordedEvent[];
  /** Stream version after the append. */
  readonly nextExpectedVersion: number;
  /** True when the command id was seen before and nothing new was written. */
  readonly duplicate: boolean;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; forwards defaults to 1, backwards to the last version. */
  readonly fromVersion?: number;
  readonly maxCount?: number;
  /** Only events recorded at or before this instant (ISO 8601) — the stream "as of" a date. */
  readonly asOfTime?: string;
  /** Only events up to this stream version. */
  readonly asOfVersion?: number;
  /**
   * Check the hash chain of what is read (forwards, as stored): each event's content against its
   * hash, each event's prevHash against the event before it. A break is an IntegrityViolation
   * naming the event — a command never decides on a history that was altered in the store.
   */
  readonly verifyChain?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events with a global position greater than this. */
  readonly afterPosition?: number;
  readonly types?: readonly string[];
  readonly streamPrefix?: string;
  readonly limit?: number;
}


export interface EventStorePort {
  append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  verifyStream(streamId: string): Promise<StreamVerification>;
}

/**
 * The whole store as the machinery around it sees it: the command handler, the outbox relay,
 * catch-up subscriptions, projection rebuilds, tools and benchmarks use this, never an adapter.
 * Adapters: PostgresEventStore (tables with real indexes) and MongoEventStore (commit documents).
 *
 * The commit log: every append is one commit holding a block of global positions. A position is
 * claimed by a unique key when its commit is stored, so a position can be taken only once — by a
 * commit or by a void marker (positions given up). Readers advance over contiguous positions only.
 */
export interface EventStore extends EventStorePort {
  /** The bounded context whose store this is (names its Kafka topic). */
  readonly boundedContext: string;
  /** Creates or migrates the schema and indexes (idempotent; run at start). */
  ensureReady(): Promise<void>;
  /**
   * The result of an earlier append with this command id, if there was one; another stream's is a
   * Conflict, and another request's (a different fingerprint) an IdempotencyKeyMismatch.
   */
  previousResult(streamId: string, commandId: string, fingerprint?: string): Promise<AppendResult | undefined>;
  /** The current version of a stream (0 when it has no events). */
  streamVersion(streamId: string): Promise<number>;
  /** Applies the registered upcasters (for events read through the commit log). */
  upcast(event: RecordedEvent): RecordedEvent;
  /** Called after every append of this process (the relay publishes from it without a read). */
  onCommitted(listener: CommitListener): () => void;
  /**
   * Called when any process may have committed (PostgreSQL: LISTEN/NOTIFY). Stores that cannot
   * tell return undefined, and readers poll.
   */
  watchCommits?(listener: () => void): () => void;
  /** Commits and void markers whose first position is greater than `afterPosition`, in global order. */
  readCommits(afterPosition: number, limit: number): Promise<CommitDocument[]>;
  /** The same as one long pass, fetched `batchSize` at a time. */
  commitsAfter(afterPosition: number, batchSize: number): AsyncIterable<CommitDocument>;
  /** Commits (not void) whose first position is greater than `afterPosition`. */
  countCommits(afterPosition?: number): Promise<number>;
  /**
   * Claims positions that no commit has taken, one void marker per position, in ascending order;
   * stops at the first position a commit took meanwhile. Returns the number claimed from `from` on.
   */
  voidAbandonedPositions(from: number, to: number): Promise<number>;
  /**
   * Stores commits read from another store exactly as they are — ids, positions, versions, hashes —
   * in the order given (moving a store between adapters). A commit already present is refused.
   */
  importCommits(commits: readonly CommitDocument[]): Promise<void>;
  readonly checkpoints: CheckpointStore;
  readonly snapshots: SnapshotStore;
  /**
   * Leadership among the replicas of a service (the outbox relay publishes from one replica at a
   * time): the leadership of `name` if no one else holds it now, otherwise undefined.
   */
  acquireLeadership(name: string): Promise<Leadership | undefined>;
  /** Releases connections the store opened itself. */
  close(): Promise<void>;
}

export interface Leadership {
  /** Settles when the leadership is lost (connection gone, lease taken over); the holder must stop. */
  readonly lost: Promise<void>;
  /** Gives the leadership up (another replica may take it at once). */
  release(): Promise<void>;
}

export interface HandleOptions {
  readonly metadata: EventMetadata;
  readonly commandId?: string;
  /** When the client states the version it saw (If-Match), a stale view gets a VersionConflict. */
  readonly expectedVersion?: number;
  /**
   * The stream's events from version 1 as the caller has just read them (`load(…).history`, e.g.
   * to answer 404 or 403 first): the first decision folds these instead of reading the stream a
   * second time. Stale ones cost nothing but a retry: the append's expected version refuses them.
   */
  readonly history?: readonly RecordedEvent[];
}

export interface HandleResult<S> {
  readonly state: S;
  readonly events: readonly RecordedEvent[];
  readonly version: number;
  readonly duplicate: boolean;
}

/** Load (fold) → decide → append with the expected version, retrying a bounded number of times on conflict. */
/**
 * Told of each commit a command made, once it is durable and before the command's caller is
 * answered: the service keeps its own read models current with it, so that whoever acted sees the
 * change on the next read (read-your-writes). Kafka still delivers the same events afterwards.
 */
export type AfterCommitListener = (streamId: string, events: readonly RecordedEvent[], stream?: CommittedStream) => Promise<void>;

/** The whole stream as of a commit (from version 1, the commit's events last), when the handler folded it all. */
export interface CommittedStream {
  readonly events: readonly RecordedEvent[];
}

/** A stream's state with the events it was folded from, when they are the whole stream (no snapshot). */
export interface LoadedStream<S> {
  readonly state: S;
  readonly version: number;
  readonly history?: readonly RecordedEvent[];
}

export interface CommandHandlerPort {
  /** Adds a listener told of every commit this handler makes (see AfterCommitListener). */
  afterCommit(listener: AfterCommitListener): void;
  handle<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    options: HandleOptions,
  ): Promise<HandleResult<S>>;
  /** Current state of a stream (folded), with its version; version 0 for a stream with no events. */
  load<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<LoadedStream<S>>;
  /**
   * The first result of a command id already applied to this stream (its events, and the state and
   * version as of that commit), or undefined; a command id used on another stream is a Conflict.
   */
  previousResult<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    commandId: string | undefined,
    fingerprint?: string,
  ): Promise<HandleResult<S> | undefined>;
}

/** Nest injection tokens, provided by EventStoreModule.forRoot({ boundedContext }). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const COMMAND_HANDLER = Symbol('COMMAND_HANDLER');
