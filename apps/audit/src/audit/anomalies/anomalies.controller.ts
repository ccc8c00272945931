import { Controller, Get, Injectable, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Response } from 'express';
import { readWindow, skipOf } from '@nangsuat/service-runtime';
import { AuditorOnly } from '../common/auditor-only';
import { AuditQuery, EXPORT_LIMIT, exportResult } from '../common/export';
import { LedgerRepository } from '../ledger/ledger.repository';

export class AnomalyParams extends AuditQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional() @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional() @IsOptional() @IsString()
  context?: string;

  @ApiPropertyOptional() @IsOptional() @IsString()
  streamId?: string;
}

/** Anomalies the ledger recorded on arrival (hash mismatch, gap, reorder, conflicts), each naming its event. */
@Injectable()
export class AnomaliesQuery {
  constructor(private readonly repository: LedgerRepository) {}

  async run(q: AnomalyParams, skip: number, limit: number) {
    const filter: Record<string, unknown> = {};
    if (q.status) filter.status = q.status;
    if (q.context) filter.context = q.context;
    if (q.streamId) filter.streamId = q.streamId;
    const { items, ...counted } = await readWindow<any>(this.repository.anomalies, filter, skip, limit, { sort: { detectedAt: 1, _id: 1 } });
    return { items: items.map(({ _id, ...a }) => ({ id: _id, ...a })), page: Math.floor(skip / Math.max(limit, 1)) + 1, pageSize: limit, ...counted };
  }
}

@Controller('audit/anomalies')
@AuditorOnly()
export class AnomaliesController {
  constructor(private readonly query: AnomaliesQuery) {}

  @Get()
  @ApiOperation({ summary: 'Integrity anomalies flagged by the ledger (named events)' })
  async list(@Query() q: AnomalyParams, @Res({ passthrough: true }) res: Response) {
    if (!q.format) return this.query.run(q, skipOf(q), q.pageSize);
    const page = await this.query.run(q, 0, EXPORT_LIMIT);
    return exportResult(res, q.format, 'anomalies', { status: q.status, context: q.context, streamId: q.streamId }, page.items, page.total);
  }
}
