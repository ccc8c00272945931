import { Injectable } from '@nestjs/common';
import { Page, readWindow } from '@nangsuat/service-runtime';
import { entryOf } from '../common/ledger-events';
import { UnitScope } from '../common/unit-scope';
import { TimelineEntry } from '../domain/timeline';
import { LedgerRepository } from '../ledger/ledger.repository';
import { Period, recordedWithin } from '../user-activity/user-activity.handler';

/**
 * Every change to records of a unit's subtree in a period: events whose record unit (metadata.unit)
 * lies within the unit — descendants and historical units merged into it included.
 */
@Injectable()
export class UnitChangesHandler {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly scope: UnitScope,
  ) {}

  async handle(unit: string, period: Period, skip: number, limit: number): Promise<Page<TimelineEntry> & { unit: string; units: string[] }> {
    const units = this.scope.codesWithin(unit);
    const filter = { 'event.metadata.unit': { $in: units }, ...recordedWithin(period) };
    const { items: docs, ...counted } = await readWindow<any>(this.repository.ledger, filter, skip, limit, { sort: { 'event.recordedAt': 1, 'event.globalPosition': 1 } });
    return { unit, units, items: docs.map(entryOf), page: Math.floor(skip / Math.max(limit, 1)) + 1, pageSize: limit, ...counted };
  }
}
