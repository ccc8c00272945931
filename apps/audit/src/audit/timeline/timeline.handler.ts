import { Injectable } from '@nestjs/common';
import { NotFound } from '@nangsuat/event-sourcing';
import { Page, readWindow } from '@nangsuat/service-runtime';
import { entryOf } from '../common/ledger-events';
import { DeciderRegistry } from '../domain/decider-registry';
import { TimelineEntry } from '../domain/timeline';
import { LedgerRepository } from '../ledger/ledger.repository';

export interface TimelinePage extends Page<TimelineEntry> {
  readonly streamId: string;
  readonly context?: string;
  readonly entity?: string;
}

/** The history of one entity (stream): every event with who, when, for which unit and why. */
@Injectable()
export class TimelineHandler {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly registry: DeciderRegistry,
  ) {}

  async handle(streamId: string, skip: number, limit: number): Promise<TimelinePage> {
    const filter = { 'event.streamId': streamId };
    const { items: docs, ...counted } = await readWindow<any>(this.repository.ledger, filter, skip, limit, { sort: { 'event.streamVersion': 1 } });
    if (counted.total === 0) throw new NotFound(`The ledger holds no events of "${streamId}".`, { streamId });
    const kind = this.registry.find(streamId, docs[0]?.context);
    return { streamId, context: docs[0]?.context, entity: kind?.entity, items: docs.map(entryOf), page: Math.floor(skip / Math.max(limit, 1)) + 1, pageSize: limit, ...counted };
  }
}
