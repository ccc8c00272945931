import { Decider } from './decider';
import { DomainEvent, EventMetadata, ExpectedVersion, RecordedEvent } from './event';

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
}

export interface ReadAllOptions {
  /** Exclusive: events with a global position greater than this. */
  readonly afterPosition?: number;
  readonly types?: readonly string[];
  readonly streamPrefix?: string;
  readonly limit?: number;
}

export type StreamVerification =
  | { readonly ok: true; readonly streamId: string; readonly events: number; readonly lastHash: string }
  | {
      readonly ok: false;
      readonly streamId: string;
      readonly brokenAt: { readonly streamVersion: number; readonly eventId: string; readonly reason: string };
    };

export interface EventStorePort {
  append(streamId: string, events: readonly DomainEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  verifyStream(streamId: string): Promise<StreamVerification>;
}

export interface HandleOptions {
  readonly metadata: EventMetadata;
  readonly commandId?: string;
  /** When the client states the version it saw (If-Match), a stale view gets a VersionConflict. */
  readonly expectedVersion?: number;
}

export interface HandleResult<S> {
  readonly state: S;
  readonly events: readonly RecordedEvent[];
  readonly version: number;
  readonly duplicate: boolean;
}

/** Load (fold) → decide → append with the expected version, retrying a bounded number of times on conflict. */
export interface CommandHandlerPort {
  handle<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    options: HandleOptions,
  ): Promise<HandleResult<S>>;
  /** Current state of a stream (folded), with its version; version 0 for a stream with no events. */
  load<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<{ state: S; version: number }>;
  /**
   * The first result of a command id already applied to this stream (its events, and the state and
   * version as of that commit), or undefined; a command id used on another stream is a Conflict.
   */
  previousResult<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    commandId: string | undefined,
  ): Promise<HandleResult<S> | undefined>;
}

/** Nest injection tokens, provided by EventStoreModule.forRoot({ boundedContext }). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const COMMAND_HANDLER = Symbol('COMMAND_HANDLER');
