import { Injectable } from '@nestjs/common';
import { readWindow } from '@nangsuat/service-runtime';
import { LedgerRepository } from '../ledger/ledger.repository';
import { AnomalyParams } from './anomalies.query';

/** Anomalies the ledger recorded on arrival (hash mismatch, gap, reorder, conflicts), each naming its event. */
@Injectable()
export class AnomaliesHandler {
  constructor(private readonly repository: LedgerRepository) {}

  async handle(q: AnomalyParams, skip: number, limit: number) {
    const filter: Record<string, unknown> = {};
    if (q.status) filter.status = q.status;
    if (q.context) filter.context = q.context;
    if (q.streamId) filter.streamId = q.streamId;
    const { items, ...counted } = await readWindow<any>(this.repository.anomalies, filter, skip, limit, { sort: { detectedAt: 1, _id: 1 } });
    return { items: items.map(({ _id, ...a }) => ({ id: _id, ...a })), page: Math.floor(skip / Math.max(limit, 1)) + 1, pageSize: limit, ...counted };
  }
}
