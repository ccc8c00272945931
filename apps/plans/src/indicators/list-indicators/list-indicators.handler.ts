import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { NotFound, RecordedEvent } from '@nangsuat/event-sourcing';
import { Clock, parseDateInput } from '@nangsuat/service-runtime';
import { matchesSearch, toVietnamDate } from '@nangsuat/vietnamese';
import { CatalogueEvent, INDICATOR_CATALOGUE_STREAM, inForceOn } from '@nangsuat/contracts/plans';
import { catalogueView, IndicatorCatalogue, IndicatorView } from '../indicator-catalogue.service';
import { IndicatorsQuery } from './list-indicators.query';

/** One change of the catalogue, for people: who, when, why, which codes. */
export interface CatalogueChange {
  readonly catalogueVersion: number;
  readonly eventId: string;
  readonly type: CatalogueEvent['type'];
  readonly codes: readonly string[];
  readonly recordedAt: string;
  readonly by: string;
  readonly unit: string;
  readonly reason?: string;
  readonly set?: string;
}

function changeOf(e: RecordedEvent): CatalogueChange {
  const event = e as unknown as CatalogueEvent & RecordedEvent;
  const codes =
    event.type === 'IndicatorSetImported' ? [...event.data.added.map((a) => a.code), ...event.data.revised.map((r) => r.entry.code)] : [(event.data as { entry: { code: string } }).entry.code];
  return {
    catalogueVersion: e.streamVersion,
    eventId: e.id,
    type: event.type,
    codes,
    recordedAt: e.recordedAt,
    by: e.metadata.actor.username,
    unit: e.metadata.unit,
    ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    ...(event.type === 'IndicatorSetImported' ? { set: `${event.data.setName} ${event.data.setVersion}` } : {}),
  };
}

/** The catalogue: what every indicator means and how it is counted; every change with who, when and why. */
@Injectable()
export class ListIndicatorsHandler {
  constructor(
    private readonly catalogue: IndicatorCatalogue,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly clock: Clock,
  ) {}

  async list(q: IndicatorsQuery): Promise<{ catalogueVersion: number; imports: readonly string[]; indicators: IndicatorView[] }> {
    const day = q.inForceOn ? parseDateInput(q.inForceOn, 'inForceOn') : undefined;
    const view = catalogueView(await this.catalogue.state(), toVietnamDate(this.clock.now()));
    const indicators = view.indicators
      .filter((i) => !q.q || matchesSearch(`${i.code} ${i.entry.name.vi} ${i.entry.name.en}`, q.q))
      .filter((i) => !q.level || i.entry.levels.includes(q.level as never))
      .filter((i) => !q.source || i.entry.source === q.source)
      .filter((i) => !day || inForceOn(i.entry, day));
    return { catalogueVersion: view.version, imports: view.imports, indicators };
  }

  async changes(): Promise<CatalogueChange[]> {
    return (await this.store.readStream(INDICATOR_CATALOGUE_STREAM)).map(changeOf);
  }

  async get(code: string): Promise<IndicatorView & { changes: CatalogueChange[] }> {
    const view = catalogueView(await this.catalogue.state(), toVietnamDate(this.clock.now()));
    const found = view.indicators.find((i) => i.code === code);
    if (!found) throw new NotFound(`The catalogue has no indicator "${code}".`, { code });
    const changes = (await this.store.readStream(INDICATOR_CATALOGUE_STREAM)).map(changeOf).filter((c) => c.codes.includes(code));
    return { ...found, changes };
  }
}
