import { Decider, DomainEvent, EventMetadata, fold, RecordedEvent } from '@nangsuat/event-sourcing';
import type { AfterCommitListener, CommandHandlerPort, HandleOptions, HandleResult } from '../ports';

type Evolver<E extends DomainEvent, S> = Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>;

/**
 * The command handler for unit tests of handlers: streams in memory, the same decide/append
 * semantics (a command id applied before returns the earlier result), and a hook to make the next
 * append to a stream fail — to test compensation without infrastructure. Wrap it in the real
 * CommandRunner: `new CommandRunner(new InMemoryCommandHandler())`.
 */
export class InMemoryCommandHandler implements CommandHandlerPort {
  readonly streams = new Map<string, RecordedEvent[]>();
  private readonly commandIds = new Map<string, string>();
  private readonly failures = new Map<string, Error>();
  private readonly listeners: AfterCommitListener[] = [];
  private position = 0;

  failNextAppend(streamId: string, error: Error): void {
    this.failures.set(streamId, error);
  }

  afterCommit(listener: AfterCommitListener): void {
    this.listeners.push(listener);
  }

  async handle<C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>, command: C, options: HandleOptions): Promise<HandleResult<S>> {
    const earlier = await this.previousResult(streamId, decider, options.commandId);
    if (earlier) return earlier;
    const failure = this.failures.get(streamId);
    if (failure) {
      this.failures.delete(streamId);
      throw failure;
    }
    const { state, version } = await this.load(streamId, decider);
    const decided = decider.decide(command, state);
    if (decided.length === 0) return { state, events: [], version, duplicate: false };
    const events = this.append(streamId, decided, options.metadata);
    if (options.commandId) this.commandIds.set(options.commandId, streamId);
    for (const listener of this.listeners) await listener(streamId, events);
    const after = await this.load(streamId, decider);
    return { state: after.state, events, version: after.version, duplicate: false };
  }

  async previousResult<E extends DomainEvent, S>(streamId: string, decider: Evolver<E, S>, commandId: string | undefined): Promise<HandleResult<S> | undefined> {
    if (!commandId || this.commandIds.get(commandId) !== streamId) return undefined;
    const { state, version } = await this.load(streamId, decider);
    return { state, events: [], version, duplicate: true };
  }

  async load<E extends DomainEvent, S>(streamId: string, decider: Evolver<E, S>): Promise<{ state: S; version: number }> {
    const events = this.streams.get(streamId) ?? [];
    return { state: fold(decider, events as unknown as E[]), version: events.length };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.streams.get(streamId) ?? [];
  }

  /** Appends without deciding (a test's given events). */
  append(streamId: string, events: readonly DomainEvent[], metadata: EventMetadata): RecordedEvent[] {
    const stream = this.streams.get(streamId) ?? [];
    const recorded = events.map((e, i) => ({
      id: `e-${++this.position}`,
      type: e.type,
      schemaVersion: e.schemaVersion ?? 1,
      data: e.data,
      streamId,
      streamVersion: stream.length + i + 1,
      globalPosition: this.position,
      occurredAt: '2025-09-01T02:00:00.000Z',
      recordedAt: '2025-09-01T02:00:00.000Z',
      metadata,
      prevHash: '',
      hash: `h-${this.position}`,
    })) as RecordedEvent[];
    this.streams.set(streamId, [...stream, ...recorded]);
    return recorded;
  }
}

