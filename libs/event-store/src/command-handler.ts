import { Snapshot } from './commit';
import { Decider, fold, VersionConflict, DomainEvent, RecordedEvent } from '@nangsuat/event-sourcing';
import { CommandHandlerPort, AfterCommitListener, CommittedStream, EventStore, HandleOptions, HandleResult, LoadedStream } from './ports';

/**
 * A decider may opt in to snapshots by naming the schema of its state. A snapshot whose schema
 * version differs, or that `isValid` rejects, is ignored and the stream is folded from its events.
 */
export interface SnapshotSchema<S> {
  readonly schemaVersion: number;
  readonly isValid?: (state: unknown) => state is S;
}

export type SnapshottableDecider<C, E extends DomainEvent, S> = Decider<C, E, S> & { readonly snapshot?: SnapshotSchema<S> };

export interface CommandHandlerOptions {
  /** Write a snapshot each time a stream passes a multiple of this many events (0/undefined: never). */
  readonly snapshotEvery?: number;
  /** Re-load and re-decide this many times when another writer got in first. Default 3. */
  readonly conflictRetries?: number;
  /** Where a failed commit listener is reported (default: the console). */
  readonly logger?: { warn(message: string): void };
}

/**
 * Load (fold, optionally from a snapshot) → decide → append with the expected version. Without an
 * explicit expected version a conflict is retried against fresh state (the decision is remade, so no
 * update is lost); with one (If-Match) the conflict reaches the caller.
 */
export class EventSourcedCommandHandler implements CommandHandlerPort {
  private readonly listeners: AfterCommitListener[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly options: CommandHandlerOptions = {},
  ) {}

  afterCommit(listener: AfterCommitListener): void {
    this.listeners.push(listener);
  }

  /**
   * The commit is durable whatever a listener does: a listener that fails (a read model's database
   * briefly away) is logged and left to the Kafka consumer, which applies the same events later.
   */
  private async tellListeners(streamId: string, events: readonly RecordedEvent[], stream?: CommittedStream): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(streamId, events, stream);
      } catch (error) {
        (this.options.logger ?? console).warn(`read-your-writes: a listener failed after a commit to ${streamId}; the event consumer will catch up (${(error as Error).message})`);
      }
    }
  }

  async previousResult<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    commandId: string | undefined,
    fingerprint?: string,
  ): Promise<HandleResult<S> | undefined> {
    if (!commandId) return undefined;
    const earlier = await this.store.previousResult(streamId, commandId, fingerprint);
    if (!earlier) return undefined;
    const version = earlier.nextExpectedVersion;
    const asOfThen = await this.store.readStream(streamId, { asOfVersion: version });
    return { state: fold(decider, asOfThen.map((e) => asDomainEvent<E>(e))), events: earlier.events, version, duplicate: true };
  }

  async handle<C, E extends DomainEvent, S>(streamId: string, decider: SnapshottableDecider<C, E, S>, command: C, options: HandleOptions): Promise<HandleResult<S>> {
    const retries = options.expectedVersion === undefined ? (this.options.conflictRetries ?? 3) : 0;
    // A retried request (same command id) gets the first result, even if deciding again would now refuse it.
    const fingerprint = options.metadata.request?.fingerprint;
    const earlier = await this.previousResult(streamId, decider, options.commandId, fingerprint);
    if (earlier) return earlier;
    try {
      return await this.decideAndAppend(streamId, decider, command, options, retries);
    } catch (error) {
      // The same request sent twice at once: the other copy may have committed while this one was
      // deciding against the state it left (a refusal or a conflict). The first result stands.
      const meanwhile = options.commandId ? await this.previousResult(streamId, decider, options.commandId, fingerprint) : undefined;
      if (meanwhile) return meanwhile;
      throw error;
    }
  }

  private async decideAndAppend<C, E extends DomainEvent, S>(
    streamId: string,
    decider: SnapshottableDecider<C, E, S>,
    command: C,
    options: HandleOptions,
    retries: number,
  ): Promise<HandleResult<S>> {
    for (let attempt = 0; ; attempt++) {
      // The caller's fresh read serves the first attempt (unless it already disagrees with If-Match);
      // a conflict means it was stale, and the retry reads the stream.
      const given = attempt === 0 ? this.fromHistory(options.history, decider, options.expectedVersion) : undefined;
      const { state, version, history } = given ?? (await this.load(streamId, decider));
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw new VersionConflict(streamId, options.expectedVersion, version);
      }
      const decided = decider.decide(command, state);
      if (decided.length === 0) return { state, events: [], version, duplicate: false };
      try {
        const result = await this.store.append(streamId, decided, {
          expectedVersion: version === 0 ? 'no-stream' : version,
          metadata: options.metadata,
          commandId: options.commandId,
          // handle() looked it up before deciding; a copy committed since is caught by the unique index.
          commandIdLookedUp: true,
        });
        if (result.duplicate) return (await this.previousResult(streamId, decider, options.commandId, options.metadata.request?.fingerprint))!;
        const newState = result.events.reduce((s, e) => decider.evolve(s, asDomainEvent<E>(e)), state);
        await this.maybeSnapshot(streamId, decider, version, newState, result.events);
        await this.tellListeners(streamId, result.events, history ? { events: [...history, ...result.events] } : undefined);
        return { state: newState, events: result.events, version: result.nextExpectedVersion, duplicate: false };
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= retries) throw error;
      }
    }
  }

  /** State folded from events the caller read, if they are a whole stream (versions 1, 2, … in order). */
  private fromHistory<E extends DomainEvent, S>(
    history: readonly RecordedEvent[] | undefined,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    expectedVersion: number | undefined,
  ): LoadedStream<S> | undefined {
    if (!history || !history.every((event, i) => event.streamVersion === i + 1)) return undefined;
    if (expectedVersion !== undefined && expectedVersion !== history.length) return undefined;
    return { state: fold(decider, history.map((e) => asDomainEvent<E>(e))), version: history.length, history };
  }

  async load<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<SnapshottableDecider<unknown, E, S>, 'evolve' | 'initialState' | 'snapshot'>,
  ): Promise<LoadedStream<S>> {
    const snapshot = await this.usableSnapshot(streamId, decider.snapshot);
    // The chain is checked on every fold: a command never decides on a history altered in the database.
    const events = await this.store.readStream(streamId, { fromVersion: snapshot ? snapshot.version : 1, verifyChain: true });
    let state: S;
    let rest: RecordedEvent[];
    if (snapshot && events[0]?.streamVersion === snapshot.version && events[0].hash === snapshot.eventHash) {
      state = snapshot.state as S;
      rest = events.slice(1);
    } else if (snapshot) {
      // The events disagree with the snapshot: the events win.
      return this.load(streamId, { ...decider, snapshot: undefined });
    } else {
      state = decider.initialState();
      rest = events;
    }
    state = fold({ evolve: decider.evolve, initialState: () => state }, rest.map((e) => asDomainEvent<E>(e)));
    return { state, version: rest.length ? rest[rest.length - 1].streamVersion : (snapshot?.version ?? 0), history: snapshot ? undefined : events };
  }

  private async usableSnapshot<S>(streamId: string, schema?: SnapshotSchema<S>): Promise<Snapshot | null> {
    if (!schema || !this.options.snapshotEvery) return null;
    const snapshot = await this.store.snapshots.load(streamId);
    if (!snapshot || snapshot.schemaVersion !== schema.schemaVersion || typeof snapshot.version !== 'number' || typeof snapshot.eventHash !== 'string') return null;
    if (schema.isValid && !schema.isValid(snapshot.state)) return null;
    return snapshot;
  }

  private async maybeSnapshot<S>(streamId: string, decider: { snapshot?: SnapshotSchema<S> }, before: number, state: S, appended: readonly RecordedEvent[]) {
    const every = this.options.snapshotEvery;
    const last = appended[appended.length - 1];
    if (!every || !decider.snapshot || Math.floor(before / every) === Math.floor(last.streamVersion / every)) return;
    const snapshot: Snapshot = {
      streamId,
      schemaVersion: decider.snapshot.schemaVersion,
      version: last.streamVersion,
      eventHash: last.hash,
      state: JSON.parse(JSON.stringify(state)),
      takenAt: new Date(),
    };
    // Best effort: a lost snapshot only costs a longer fold next time.
    await this.store.snapshots.save(snapshot).catch(() => undefined);
  }
}

/** A recorded event is a domain event plus its envelope; deciders see the same type, data and schema version. */
function asDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return event as unknown as E;
}
