import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { skipOf } from '@nangsuat/service-runtime';
import { AuditorOnly } from '../common/auditor-only';
import { AuditQuery, EXPORT_LIMIT, exportResult } from '../common/export';
import { TIMELINE_COLUMNS } from '../common/ledger-events';
import { TimelineHandler } from './timeline.handler';

@Controller('audit/streams')
@AuditorOnly()
export class TimelineController {
  constructor(private readonly handler: TimelineHandler) {}

  @Get(':streamId/timeline')
  @ApiOperation({ summary: 'Timeline of an entity (plan, target, registration, course, certification, award): who, when, why — paginated, or ?format=csv|json to export' })
  async timeline(@Param('streamId') streamId: string, @Query() q: AuditQuery, @Res({ passthrough: true }) res: Response) {
    if (!q.format) return this.handler.handle(streamId, skipOf(q), q.pageSize);
    const page = await this.handler.handle(streamId, 0, EXPORT_LIMIT);
    return exportResult(res, q.format, `timeline-${streamId}`, { streamId }, page.items, page.total, TIMELINE_COLUMNS);
  }
}
