import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min, Max } from 'class-validator';
import type { Response } from 'express';
import { AuditorOnly } from '../common/auditor-only';
import { exportResult } from '../common/export';
import { parseAsOf, StateAsOfHandler } from './state-as-of.handler';

export class StateAsOfParams {
  @ApiPropertyOptional({ description: 'A date (YYYY-MM-DD: end of that day in Vietnam) or an ISO 8601 timestamp; default now' })
  @IsOptional() @IsString()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Only events up to this stream version' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000_000)
  version?: number;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

@Controller('audit/streams')
@AuditorOnly()
export class StateAsOfController {
  constructor(private readonly handler: StateAsOfHandler) {}

  @Get(':streamId/state')
  @ApiOperation({ summary: "State of an entity as of a date or version, rebuilt through the owning domain's evolve" })
  async state(@Param('streamId') streamId: string, @Query() q: StateAsOfParams, @Res({ passthrough: true }) res: Response) {
    const result = await this.handler.handle(streamId, parseAsOf(q.asOf, q.version));
    if (!q.format) return result;
    const { state, ...rest } = result;
    return exportResult(res, q.format, `state-${streamId}`, { streamId, asOf: q.asOf, version: q.version }, [{ ...rest, state }], 1);
  }
}
