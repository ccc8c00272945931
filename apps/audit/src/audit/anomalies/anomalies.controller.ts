import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { skipOf } from '@nangsuat/service-runtime';
import { AuditorOnly } from '../common/auditor-only';
import { EXPORT_LIMIT, exportResult } from '../common/export';
import { AnomaliesHandler } from './anomalies.handler';
import { AnomalyParams } from './anomalies.query';

@Controller('audit/anomalies')
@AuditorOnly()
export class AnomaliesController {
  constructor(private readonly handler: AnomaliesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Integrity anomalies flagged by the ledger (named events)' })
  async list(@Query() q: AnomalyParams, @Res({ passthrough: true }) res: Response) {
    if (!q.format) return this.handler.handle(q, skipOf(q), q.pageSize);
    const page = await this.handler.handle(q, 0, EXPORT_LIMIT);
    return exportResult(res, q.format, 'anomalies', { status: q.status, context: q.context, streamId: q.streamId }, page.items, page.total);
  }
}
