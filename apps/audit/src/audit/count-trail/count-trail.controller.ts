import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Response } from 'express';
import { skipOf } from '@nangsuat/service-runtime';
import { AuditorOnly } from '../common/auditor-only';
import { AuditQuery, EXPORT_LIMIT, exportResult } from '../common/export';
import { COUNTING_RULES } from '../domain/count-trail';
import { parseAsOf } from '../state-as-of/state-as-of.query';
import { CountTrailQuery } from './count-trail.query';

export class CountTrailParams extends AuditQuery {
  @ApiProperty({ enum: COUNTING_RULES.map((r) => r.metric) })
  @IsIn(COUNTING_RULES.map((r) => r.metric))
  metric: string;

  @ApiProperty({ description: 'Unit code of the target (its subtree counts)', example: '51' })
  @IsString()
  unit: string;

  @ApiPropertyOptional({ description: 'Count as of this date (end of the Vietnam day) or timestamp; default now' })
  @IsOptional() @IsString()
  asOf?: string;
}

@Controller('audit/count-trail')
@AuditorOnly()
export class CountTrailController {
  constructor(private readonly query: CountTrailQuery) {}

  @Get()
  @ApiOperation({ summary: "How a target's count was reached, event by event, with the running count" })
  async trail(@Query() q: CountTrailParams, @Res({ passthrough: true }) res: Response) {
    const asOf = q.asOf === undefined ? undefined : parseAsOf(q.asOf).time;
    if (!q.format) return this.query.run(q.metric, q.unit, asOf, skipOf(q), q.pageSize);
    const result = await this.query.run(q.metric, q.unit, asOf, 0, EXPORT_LIMIT);
    return exportResult(res, q.format, `count-${q.metric}-${q.unit}`, { metric: q.metric, unit: q.unit, asOf: q.asOf, count: result.count }, result.items, result.total);
  }
}
