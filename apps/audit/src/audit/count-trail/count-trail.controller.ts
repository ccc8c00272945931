import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { INDICATOR_CODE } from '@nangsuat/contracts/plans';
import type { Response } from 'express';
import { skipOf } from '@nangsuat/service-runtime';
import { AuditorOnly } from '../common/auditor-only';
import { AuditQuery, EXPORT_LIMIT, exportResult } from '../common/export';
import { COUNTED_INDICATORS } from '../domain/count-trail';
import { parseAsOf } from '../state-as-of/state-as-of.handler';
import { CountTrailHandler } from './count-trail.handler';

export class CountTrailParams extends AuditQuery {
  @ApiProperty({
    example: COUNTED_INDICATORS[0]?.indicator,
    description:
      `Plan indicator key, as in the plans service (its progress projection counts the same events the same way): ${COUNTED_INDICATORS.map((i) => i.indicator).join(', ')}, ` +
      'or the code of a catalogue indicator fed by recorded achievements (e.g. productivity-clubs). ' +
      'Replaces the former metric names pilot-models, pilot-models-under-way, person-times-trained and experts-certified.',
  })
  @Matches(INDICATOR_CODE, { message: 'metric must be an indicator code such as trained-person-times (lower-case words joined by -)' })
  @MaxLength(80)
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
  constructor(private readonly handler: CountTrailHandler) {}

  @Get()
  @ApiOperation({
    summary: "How a target's count was reached, event by event, with the running count",
    description: "Each event goes through the plans service's contribution mapping and counting rule; events the mapping does not count are listed with \"not counted: <reason>\".",
  })
  async trail(@Query() q: CountTrailParams, @Res({ passthrough: true }) res: Response) {
    const asOf = q.asOf === undefined ? undefined : parseAsOf(q.asOf).time;
    if (!q.format) return this.handler.handle(q.metric, q.unit, asOf, skipOf(q), q.pageSize);
    const result = await this.handler.handle(q.metric, q.unit, asOf, 0, EXPORT_LIMIT);
    return exportResult(res, q.format, `count-${q.metric}-${q.unit}`, { metric: q.metric, unit: q.unit, asOf: q.asOf, count: result.count }, result.items, result.total);
  }
}
