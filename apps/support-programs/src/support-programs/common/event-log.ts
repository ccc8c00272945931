import { Inject, Injectable } from '@nestjs/common';
import {
  COMMAND_HANDLER,
  CommandHandlerPort,
  Decider,
  DomainEvent,
  EVENT_STORE,
  HandleOptions,
  HandleResult,
  EventStore,
  RecordedEvent,
  VersionConflict,
} from '@nangsuat/event-store';

/**
 * The write side of this context: the event store's command handler (which answers a repeated
 * Idempotency-Key with the first result), plus the retry for the contended programme stream.
 */
@Injectable()
export class EventLog {
  constructor(
    @Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute<C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>, command: C, options: HandleOptions): Promise<HandleResult<S>> {
    return this.handler.handle(streamId, decider, command, options);
  }

  /**
   * As execute, but a version conflict (another writer got in first, more often than the handler's
   * own retries absorb) is retried against fresh state up to `attempts` times: for the contended
   * programme stream (seat reservations), where every racer must end with a definite answer.
   */
  async executeContended<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    options: HandleOptions,
    attempts = 10,
  ): Promise<HandleResult<S>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.execute(streamId, decider, command, options);
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 20 * attempt)));
      }
    }
  }

  /** The earlier result of a command id already applied to this stream, or undefined. */
  replay<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    commandId: string | undefined,
  ): Promise<HandleResult<S> | undefined> {
    return this.handler.previousResult(streamId, decider, commandId);
  }

  load<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<{ state: S; version: number }> {
    return this.handler.load(streamId, decider);
  }

  readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId);
  }
}

/** An Idempotency-Key for one step of a command that appends to several streams. */
export const stepKey = (commandId: string | undefined, step: string): string | undefined => (commandId ? `${commandId}:${step}` : undefined);
