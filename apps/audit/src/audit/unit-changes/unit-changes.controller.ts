import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { skipOf } from '@nangsuat/service-runtime';
import { AuditorOnly } from '../common/auditor-only';
import { EXPORT_LIMIT, exportResult } from '../common/export';
import { TIMELINE_COLUMNS } from '../common/ledger-events';
import { PeriodQuery, periodOf } from '../user-activity/period.dto';
import { UnitChangesHandler } from './unit-changes.handler';

@Controller('audit/units')
@AuditorOnly()
export class UnitChangesController {
  constructor(private readonly handler: UnitChangesHandler) {}

  @Get(':unit/changes')
  @ApiOperation({ summary: "Every change in a unit's subtree (historical units merged into it included) in a period" })
  async changes(@Param('unit') unit: string, @Query() q: PeriodQuery, @Res({ passthrough: true }) res: Response) {
    const period = periodOf(q);
    if (!q.format) return this.handler.handle(unit, period, skipOf(q), q.pageSize);
    const page = await this.handler.handle(unit, period, 0, EXPORT_LIMIT);
    return exportResult(res, q.format, `changes-${unit}`, { unit, from: q.from, to: q.to }, page.items, page.total, TIMELINE_COLUMNS);
  }
}
