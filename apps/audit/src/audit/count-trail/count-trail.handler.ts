import { Injectable } from '@nestjs/common';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { eventOf } from '../common/ledger-events';
import { UnitScope } from '../common/unit-scope';
import { COUNTED_INDICATORS, countedIndicator, CountStep, countTrail } from '../domain/count-trail';
import { LedgerRepository } from '../ledger/ledger.repository';

export interface CountTrailResult {
  /** The plans indicator key (pilot-model-enterprises, trained-person-times, certified-experts, awards). */
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
    const counted = countedIndicator(metric);
    if (!counted) throw new DomainRuleViolation(`Unknown metric "${metric}"; known: ${COUNTED_INDICATORS.map((i) => i.indicator).join(', ')}.`, 'unknown-metric');
    const units = new Set(this.scope.codesWithin(unit));
    const filter: Record<string, unknown> = { $or: counted.sources.map((s) => ({ context: s.service, 'event.type': { $in: [...s.types] } })) };
    if (asOf) filter['event.recordedAt'] = { $lte: asOf };
    const docs = await this.repository.ledger.find(filter).sort({ 'event.globalPosition': 1 }).toArray();
    const { steps, count } = countTrail(metric, docs.map(eventOf), (u) => units.has(u), { evaluatedAt: asOf ? Math.min(Date.parse(asOf), Date.now()) : Date.now() });
    return { metric, description: counted.description, unit, asOf, count, items: steps.slice(skip, skip + limit), page: Math.floor(skip / Math.max(limit, 1)) + 1, pageSize: limit, total: steps.length };
  }
}
