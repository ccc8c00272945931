import { Injectable } from '@nestjs/common';
import { DomainRuleViolation, fold } from '@nangsuat/event-sourcing';
import { eventOf } from '../common/ledger-events';
import { UnitScope } from '../common/unit-scope';
import { achievementFedIndicator, COUNTED_INDICATORS, CountedIndicator, countedIndicator, CountStep, countTrail } from '../domain/count-trail';
import { catalogueDecider, CatalogueEvent, INDICATOR_CATALOGUE_STREAM, lookupIn, seedIndicator } from '@nangsuat/contracts/plans';
import { LedgerRepository } from '../ledger/ledger.repository';

export interface CountTrailResult {
  /** The plans indicator key (pilot-model-enterprises, trained-person-times, certified-experts, awards, or an indicator recorded achievements feed). */
  readonly metric: string;
  readonly description: string;
  readonly unit: string;
  readonly asOf?: string;
  /** The count as of `asOf` (every step counted, not only the page). */
  readonly count: number;
  readonly items: CountStep[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

/** How a target's count was reached, event by event, for a unit's subtree. */
@Injectable()
export class CountTrailHandler {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly scope: UnitScope,
  ) {}

  async handle(metric: string, unit: string, asOf: string | undefined, skip: number, limit: number): Promise<CountTrailResult> {
    const counted = countedIndicator(metric) ?? (await this.achievementFed(metric));
    if (!counted) {
      throw new DomainRuleViolation(
        `Unknown metric "${metric}"; known: ${COUNTED_INDICATORS.map((i) => i.indicator).join(', ')}, or the code of a catalogue indicator fed by recorded achievements.`,
        'unknown-metric',
      );
    }
    const units = new Set(this.scope.codesWithin(unit));
    const filter: Record<string, unknown> = { $or: counted.sources.map((s) => ({ context: s.service, 'event.type': { $in: [...s.types] } })) };
    if (asOf) filter['event.recordedAt'] = { $lte: asOf };
    const docs = await this.repository.ledger.find(filter).sort({ 'event.globalPosition': 1 }).toArray();
    const { steps, count } = countTrail(metric, docs.map(eventOf), (u) => units.has(u), { evaluatedAt: asOf ? Math.min(Date.parse(asOf), Date.now()) : Date.now(), entry: counted.entry });
    return { metric, description: counted.description, unit, asOf, count, items: steps.slice(skip, skip + limit), page: Math.floor(skip / Math.max(limit, 1)) + 1, pageSize: limit, total: steps.length };
  }

  /** The catalogue as the ledger holds it (the plans service's catalogue stream): an indicator recorded achievements feed. */
  private async achievementFed(code: string): Promise<CountedIndicator | undefined> {
    const catalogue = fold(catalogueDecider, (await this.repository.stream(INDICATOR_CATALOGUE_STREAM)).map((d) => d.event as unknown as CatalogueEvent));
    // The seeded entries hold until the catalogue's own events change them (as the plans service reads it).
    const entry = lookupIn(catalogue)(code) ?? seedIndicator(code);
    return entry ? achievementFedIndicator(entry) : undefined;
  }
}
