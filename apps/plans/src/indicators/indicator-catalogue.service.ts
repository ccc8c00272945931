import { Injectable } from '@nestjs/common';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { AccessPolicy, platformRoles, Role } from '@nangsuat/auth';
import { Actor, Forbidden, RecordedEvent } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { IsoDate, toVietnamDate } from '@nangsuat/vietnamese';
import { CatalogueCommand, catalogueDecider, CatalogueEntryState, CatalogueState, INDICATOR_CATALOGUE_STREAM, IndicatorLookup, inForceOn, lookupIn, UNITS_OF_MEASURE } from '@nangsuat/contracts/plans';

/** Who changes the catalogue: the province's People's Committee office and its departments (Sở KH&CN). */
export const CATALOGUE_WRITERS: Role[] = [Role.ProvinceAdmin, Role.DepartmentOfficer];

export interface IndicatorView extends CatalogueEntryState {
  readonly code: string;
  readonly unitOfMeasureName: { readonly vi: string; readonly en: string };
  readonly inForceToday: boolean;
}

export interface CatalogueView {
  readonly version: number;
  readonly imports: readonly string[];
  readonly indicators: readonly IndicatorView[];
}

/** An entry as people read it; `today` (a Vietnam date from the service's Clock) decides whether it is in force. */
export const indicatorView = (s: CatalogueEntryState, today: IsoDate): IndicatorView => {
  const uom = UNITS_OF_MEASURE[s.entry.unitOfMeasure];
  return { code: s.entry.code, ...s, unitOfMeasureName: { vi: uom?.vi ?? s.entry.unitOfMeasure, en: uom?.en ?? s.entry.unitOfMeasure }, inForceToday: inForceOn(s.entry, today) };
};

/**
 * The catalogue as the service uses it: read from its stream on every use (a change made by any
 * replica is followed at once, without a restart), changed through the command runner.
 */
@Injectable()
export class IndicatorCatalogue {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async state(): Promise<CatalogueState> {
    return (await this.runner.load(INDICATOR_CATALOGUE_STREAM, catalogueDecider)).state;
  }

  async lookup(): Promise<IndicatorLookup> {
    return lookupIn(await this.state());
  }

  /** Province-level officers (and national ones) change the catalogue; the event carries their unit. */
  assertCanChange(actor: Actor): void {
    const roles = platformRoles(actor.roles);
    if (!roles.some((r) => CATALOGUE_WRITERS.includes(r))) throw new Forbidden('Only province administrators and department officers change the indicator catalogue.');
    this.access.assertCanWrite(actor, actor.unit);
    const level = administrativeUnits.has(actor.unit) ? administrativeUnits.levelOf(actor.unit) : undefined;
    if (level !== 'province' && level !== 'nation') {
      throw new Forbidden(`The indicator catalogue is changed at province level; you act for ${actor.unit} (${level ?? 'unknown unit'}).`, { unit: actor.unit });
    }
  }

  async execute(context: CommandContext, command: CatalogueCommand, reason: string): Promise<{ view: CatalogueView; event?: RecordedEvent; duplicate: boolean }> {
    this.assertCanChange(context.actor);
    const result = await this.runner.run(INDICATOR_CATALOGUE_STREAM, catalogueDecider, command, context, { unit: context.actor.unit, reason });
    return { view: catalogueView(result.state, toVietnamDate(context.now), result.version), event: result.events[result.events.length - 1], duplicate: result.duplicate };
  }
}

export function catalogueView(state: CatalogueState, today: IsoDate, version = state.version): CatalogueView {
  return { version, imports: state.imports, indicators: Object.values(state.entries).map((s) => indicatorView(s, today)) };
}
