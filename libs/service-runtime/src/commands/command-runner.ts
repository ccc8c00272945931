import { Inject, Injectable } from '@nestjs/common';
import { Actor, COMMAND_HANDLER, CommandHandlerPort, Decider, DomainEvent, RecordedEvent } from '@nangsuat/event-store';
import { commandIdOf, eventMetadata } from '../http/request-context';
import type { Request } from 'express';

export interface CommandOutcome<S> {
  readonly state: S;
  readonly version: number;
  readonly events: readonly RecordedEvent[];
  /** True when the Idempotency-Key was seen before: nothing new was written, `events` are the first result's. */
  readonly duplicate: boolean;
}

/**
 * Runs one command on one stream for a request: the event metadata (actor, unit, reason, trace)
 * and the Idempotency-Key come from the request.
 * A repeated key gets the first result without deciding again (the command handler looks it up).
 */
@Injectable()
export class CommandRunner {
  constructor(@Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort) {}

  async run<C, E extends DomainEvent, S>(
    req: Request,
    actor: Actor,
    streamId: string,
    decider: Decider<C, E, S>,
    command: C,
    options: { unit: string; reason?: string },
  ): Promise<CommandOutcome<S>> {
    const result = await this.handler.handle(streamId, decider, command, {
      metadata: eventMetadata(req, actor, options.unit, options.reason),
      commandId: commandIdOf(req),
    });
    return { state: result.state, version: result.version, events: result.events, duplicate: result.duplicate };
  }

  load<E extends DomainEvent, S>(streamId: string, decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>): Promise<{ state: S; version: number }> {
    return this.handler.load(streamId, decider);
  }
}
