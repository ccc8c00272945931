import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { NotFound, RecordedEvent } from '@nangsuat/event-sourcing';
import { parseDateInput } from '@nangsuat/service-runtime';
import { matchesSearch } from '@nangsuat/vietnamese';
import { CatalogueEvent, INDICATOR_CATALOGUE_STREAM, INDICATOR_LEVELS, inForceOn } from '@nangsuat/contracts/plans';
import { catalogueView, IndicatorCatalogue, IndicatorView } from '../indicator-catalogue.service';

export class IndicatorsQuery {
  @ApiPropertyOptional({ example: 'truong hoc 5S', description: 'code or name, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: INDICATOR_LEVELS, description: 'only indicators that apply at this level' }) @IsOptional() @IsIn(INDICATOR_LEVELS) level?: string;
  @ApiPropertyOptional({ example: '01/01/2026', description: 'only indicators in force on this day (dd/mm/yyyy or yyyy-mm-dd)' }) @IsOptional() @IsString() @MaxLength(40) inForceOn?: string;
  @ApiPropertyOptional({ enum: ['counted', 'reported'] }) @IsOptional() @IsIn(['counted', 'reported']) source?: string;
}

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
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class ListIndicatorsController {
  constructor(
    private readonly catalogue: IndicatorCatalogue,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The indicator catalogue (searchable without diacritics; by level, source, day in force)' })
  async list(@Query() q: IndicatorsQuery): Promise<{ catalogueVersion: number; imports: readonly string[]; indicators: IndicatorView[] }> {
    const day = q.inForceOn ? parseDateInput(q.inForceOn, 'inForceOn') : undefined;
    const view = catalogueView(await this.catalogue.state());
    const indicators = view.indicators
      .filter((i) => !q.q || matchesSearch(`${i.code} ${i.entry.name.vi} ${i.entry.name.en}`, q.q))
      .filter((i) => !q.level || i.entry.levels.includes(q.level as never))
      .filter((i) => !q.source || i.entry.source === q.source)
      .filter((i) => !day || inForceOn(i.entry, day));
    return { catalogueVersion: view.version, imports: view.imports, indicators };
  }

  @Get('changes')
  @ApiOperation({ summary: 'Every change of the catalogue: version, who, when, why, which indicators' })
  async changes(): Promise<CatalogueChange[]> {
    return (await this.store.readStream(INDICATOR_CATALOGUE_STREAM)).map(changeOf);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One indicator, with the changes that concern it' })
  async get(@Param('code') code: string): Promise<IndicatorView & { changes: CatalogueChange[] }> {
    const view = catalogueView(await this.catalogue.state());
    const found = view.indicators.find((i) => i.code === code);
    if (!found) throw new NotFound(`The catalogue has no indicator "${code}".`, { code });
    const changes = (await this.store.readStream(INDICATOR_CATALOGUE_STREAM)).map(changeOf).filter((c) => c.codes.includes(code));
    return { ...found, changes };
  }
}
