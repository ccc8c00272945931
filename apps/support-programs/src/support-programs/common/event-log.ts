import { Inject, Injectable } from '@nestjs/common';
import {
  COMMAND_HANDLER,
  CommandHandlerPort,
  Conflict,
  Decider,
  DomainEvent,
  EVENT_STORE,
  fold,
  HandleOptions,
  HandleResult,
  MongoEventStore,
  RecordedEvent,
  VersionConflict,
} from '@nangsuat/event-store';

/**
 * The write side of this context: the event store's command handler, plus what the HTTP API needs
 * around it.
 *
 * Idempotency-Key: the store recognises a repeated command id at append time, but the command
 * handler decides before it appends — so a retried "create" would be refused as a duplicate (409)
 * instead of answering like the first time. `execute` therefore looks the key up first and, when
 * it was already applied to this stream, answers with the stream's state as of that commit and
 * writes nothing. (Suggested for libs/event-store's command handler itself; see the report.)
 */
@Injectable()
export class EventLog {
  constructor(
    @Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort,
    @Inject(EVENT_STORE) private readonly store: MongoEventStore,
  ) {}

  async execute<C, E extends DomainEvent, S>(streamId: string, decider: Decider<C, E, S>, command: C, options: HandleOptions): Promise<HandleResult<S>> {
    const replay = await this.replay(streamId, decider, options.commandId);
    if (replay) return replay;
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

  /** The earlier result of a command id already applied, or undefined. */
  async replay<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>,
    commandId: string | undefined,
  ): Promise<HandleResult<S> | undefined> {
    if (!commandId) return undefined;
    const earlier = await this.store.commits.findOne({ commandId });
    if (!earlier) return undefined;
    if (earlier.streamId !== streamId) {
      throw new Conflict(`Idempotency-Key ${commandId} was already used for another request (record ${earlier.streamId}); use a new key for a new request.`, 'idempotency-key-reused', {
        commandId,
      });
    }
    const events = await this.store.readStream(streamId, { asOfVersion: earlier.lastVersion });
    const committed = events.filter((e) => e.streamVersion >= earlier.firstVersion);
    return { state: fold(decider, events as unknown as E[]), events: committed, version: earlier.lastVersion, duplicate: true };
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
