import { Injectable } from '@nestjs/common';
import { DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { eventOf } from '../common/ledger-events';
import { DeciderRegistry, StreamKind } from '../domain/decider-registry';
import { asOfInstant, AsOf, ReplayedState, replayState } from '../domain/timeline';
import { LedgerRepository } from '../ledger/ledger.repository';

export interface StateAsOf extends ReplayedState {
  readonly context: string;
  readonly entity: string;
  readonly asOf: { readonly time?: string; readonly version?: number };
}

/** Parses the `asOf` (date or timestamp: as recorded by then) and `version` parameters; 400 naming the parameter when malformed. */
export function parseAsOf(asOf?: string, version?: number): AsOf {
  return { time: asOf === undefined ? undefined : asOfInstant(asOf), version };
}

/** The state of an entity as of a date or version, replayed through the owning domain's evolve. */
@Injectable()
export class StateAsOfHandler {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly registry: DeciderRegistry,
  ) {}

  async load(streamId: string): Promise<{ kind: StreamKind; events: ReturnType<typeof eventOf>[] }> {
    const docs = await this.repository.stream(streamId);
    if (docs.length === 0) throw new NotFound(`The ledger holds no events of "${streamId}".`, { streamId });
    const kind = this.registry.find(streamId, docs[0].context);
    if (!kind) {
      throw new DomainRuleViolation(`No decider is registered for streams like "${streamId}" of ${docs[0].context}; its timeline is available, its state is not.`, 'no-decider', { streamId });
    }
    return { kind, events: docs.map(eventOf) };
  }

  async handle(streamId: string, asOf: AsOf): Promise<StateAsOf> {
    const { kind, events } = await this.load(streamId);
    return { ...replayState(kind.decider, streamId, events, asOf), context: kind.context, entity: kind.entity, asOf };
  }
}
