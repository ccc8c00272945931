import { Injectable } from '@nestjs/common';
import { Page, readWindow } from '@nangsuat/service-runtime';
import { entryOf } from '../common/ledger-events';
import { TimelineEntry } from '../domain/timeline';
import { LedgerRepository } from '../ledger/ledger.repository';

export interface Period {
  /** ISO instants (inclusive), already resolved from dates. */
  readonly from?: string;
  readonly to?: string;
}

export function recordedWithin(period: Period): Record<string, unknown> {
  if (!period.from && !period.to) return {};
  return { 'event.recordedAt': { ...(period.from ? { $gte: period.from } : {}), ...(period.to ? { $lte: period.to } : {}) } };
}

/** Everything one user did, across every context, in global time order. */
@Injectable()
export class UserActivityHandler {
  constructor(private readonly repository: LedgerRepository) {}

  async handle(username: string, period: Period, skip: number, limit: number): Promise<Page<TimelineEntry> & { username: string }> {
    const filter = { 'event.metadata.actor.username': username, ...recordedWithin(period) };
    const { items: docs, ...counted } = await readWindow<any>(this.repository.ledger, filter, skip, limit, { sort: { 'event.recordedAt': 1, 'event.globalPosition': 1 } });
    return { username, items: docs.map(entryOf), page: Math.floor(skip / Math.max(limit, 1)) + 1, pageSize: limit, ...counted };
  }
}
