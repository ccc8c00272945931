import { Inject, Injectable } from '@nestjs/common';
import {
  Actor,
  COMMAND_HANDLER,
  CommandHandlerPort,
  Decider,
  DomainError,
  DomainEvent,
  MongoEventStore,
  RecordedEvent,
} from '@nangsuat/event-store';
import { commandIdOf, eventMetadata } from '../http/request-context';
import type { Request } from 'express';

export interface CommandOutcome<S> {
  readonly state: S;
  readonly version: number;
  readonly events: readonly RecordedEvent[];
  /** True when the Idempotency-Key was seen before: nothing new was written. */
  readonly duplicate: boolean;
}

/**
 * Runs one command on one stream for a request: the event metadata (actor, unit, reason, trace)
 * and the Idempotency-Key come from the request.
 *
 * Idempotency: a repeated key must return the first result even when re-deciding would now refuse
 * (a second "schedule course X" is a Conflict, a second registration of the same person too), so
 * the key is looked up *before* deciding; the store's own check at append time covers the race of
 * two requests with the same key.
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort,
    private readonly store: MongoEventStore,
  ) {}

  async run<C, E extends DomainEvent, S>(
    req: Request,
    actor: Actor,
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    options: { unit: string; reason?: string },
  ): Promise<CommandOutcome<S>> {
    const commandId = commandIdOf(req);
    if (commandId) {
      const earlier = await this.store.commits.findOne({ commandId }, { projection: { streamId: 1 } });
      if (earlier) {
        if (earlier.streamId !== streamId) {
          throw new DomainError(`Idempotency-Key ${commandId} was already used for another record; use a new key for a new request.`, 'command-id-reused', { commandId });
        }
        const { state, version } = await this.handler.load(streamId, decider);
        return { state, version, events: [], duplicate: true };
      }
    }
    const result = await this.handler.handle(streamId, decider, command, {
      metadata: eventMetadata(req, actor, options.unit, options.reason),
      commandId,
    });
    return { state: result.state, version: result.version, events: result.events, duplicate: result.duplicate };
  }

  load<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<{ state: S; version: number }> {
    return this.handler.load(streamId, decider);
  }
}
