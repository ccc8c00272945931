import { Decider, DomainEvent, EventMetadata, fold, HandleOptions, HandleResult, RecordedEvent, VersionConflict } from '@nangsuat/event-store';
import type { EventLog } from '../common/event-log';

/**
 * EventLog for unit tests of handlers: streams in memory, same decide/append semantics (a command
 * id applied before returns the earlier result), and a hook to make the next append to a stream
 * fail — to test compensation without infrastructure.
 */
export class InMemoryEventLog {
  readonly streams = new Map<string, RecordedEvent[]>();
  private readonly commandIds = new Map<string, string>();
  private readonly failures = new Map<string, Error>();
  private position = 0;

  failNextAppend(streamId: string, error: Error): void {
    this.failures.set(streamId, error);
  }

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

  async execute<C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>, command: C, options: HandleOptions): Promise<HandleResult<S>> {
    const replay = await this.replay(streamId, decider, options.commandId);
    if (replay) return replay;
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
    const after = await this.load(streamId, decider);
    return { state: after.state, events, version: after.version, duplicate: false };
  }

  executeContended<C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>, command: C, options: HandleOptions): Promise<HandleResult<S>> {
    return this.execute(streamId, decider, command, options);
  }

  async replay<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, commandId: string | undefined): Promise<HandleResult<S> | undefined> {
    if (!commandId || this.commandIds.get(commandId) !== streamId) return undefined;
    const { state, version } = await this.load(streamId, decider);
    return { state, events: [], version, duplicate: true };
  }

  async load<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<{ state: S; version: number }> {
    const events = this.streams.get(streamId) ?? [];
    return { state: fold(decider, events as unknown as E[]), version: events.length };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.streams.get(streamId) ?? [];
  }

  asEventLog(): EventLog {
    return this as unknown as EventLog;
  }
}

export const versionConflict = (streamId: string): VersionConflict => new VersionConflict(streamId, 1, 2);
