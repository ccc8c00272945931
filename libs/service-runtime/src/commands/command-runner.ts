import { Inject, Injectable } from '@nestjs/common';
import { COMMAND_HANDLER, CommandHandlerPort, LoadedStream } from '@nangsuat/event-store';
import { Decider, DomainEvent, RecordedEvent, VersionConflict } from '@nangsuat/event-sourcing';
import type { CommandContext } from './command-context';

export interface CommandOutcome<S> {
  readonly state: S;
  readonly version: number;
  readonly events: readonly RecordedEvent[];
  /** True when the Idempotency-Key was seen before: nothing new was written, `events` are the first result's. */
  readonly duplicate: boolean;
}

export interface RunOptions {
  /** The administrative unit the record belongs to (in the events' metadata). */
  readonly unit: string;
  /** Why, where the domain asks for one (amendments, rejections, revocations). */
  readonly reason?: string;
  /**
   * For a stream many write at once (a programme's seats): a version conflict beyond the command
   * handler's own retries is decided again against fresh state, up to this many times, so every racer
   * ends with a definite answer.
   */
  readonly contended?: number;
  /** The stream version the caller read (a client's If-Match): a stale view gets a VersionConflict (409), not retried. */
  readonly expectedVersion?: number;
  /** The stream as `load` just gave it (its `history`): the decision folds it instead of reading the stream again. */
  readonly history?: readonly RecordedEvent[];
}

type Evolver<E extends DomainEvent, S> = Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>;

/**
 * The one way a command reaches the event store, in every service: decide on the stream's current
 * state, append with the context's metadata and command id. A repeated command id gets the first
 * result without deciding again (the command handler looks it up).
 */
@Injectable()
export class CommandRunner {
  constructor(@Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort) {}

  async run<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    context: CommandContext,
    options: RunOptions,
  ): Promise<CommandOutcome<S>> {
    const handleOptions = { metadata: context.metadata(options.unit, options.reason), commandId: context.commandId, expectedVersion: options.expectedVersion, history: options.history };
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.handler.handle(streamId, decider, command, handleOptions);
        return { state: result.state, version: result.version, events: result.events, duplicate: result.duplicate };
      } catch (error) {
        if (!(error instanceof VersionConflict) || options.expectedVersion !== undefined || attempt >= (options.contended ?? 1)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
      }
    }
  }

  /** The first result of this context's command on the stream, if it ran before (a retried request). */
  async previousResult<E extends DomainEvent, S>(streamId: string, decider: Evolver<E, S>, context: CommandContext): Promise<CommandOutcome<S> | undefined> {
    const earlier = await this.handler.previousResult(streamId, decider, context.commandId, context.requestFingerprint);
    return earlier && { state: earlier.state, version: earlier.version, events: earlier.events, duplicate: true };
  }

  /** The stream's current state, for a command that must check something before deciding. */
  load<E extends DomainEvent, S>(streamId: string, decider: Evolver<E, S>): Promise<LoadedStream<S>> {
    return this.handler.load(streamId, decider);
  }
}
