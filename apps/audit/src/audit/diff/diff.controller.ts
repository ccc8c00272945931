import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Min, Max } from 'class-validator';
import type { Response } from 'express';
import { AuditorOnly } from '../common/auditor-only';
import { exportResult } from '../common/export';
import { parseAsOf } from '../state-as-of/state-as-of.handler';
import { DiffHandler } from './diff.handler';

export class DiffParams {
  @ApiPropertyOptional({ description: 'From this stream version (default 0: before the entity existed)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000_000)
  from?: number;

  @ApiPropertyOptional({ description: 'To this stream version (default: the latest)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000_000)
  to?: number;

  @ApiPropertyOptional({ description: 'From the state as of this date/timestamp (instead of a version)' })
  @IsOptional() @IsString()
  fromAsOf?: string;

  @ApiPropertyOptional({ description: 'To the state as of this date/timestamp (instead of a version)' })
  @IsOptional() @IsString()
  toAsOf?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

@Controller('audit/streams')
@AuditorOnly()
export class DiffController {
  constructor(private readonly handler: DiffHandler) {}

  @Get(':streamId/diff')
  @ApiOperation({ summary: 'Structural difference between two versions (or dates) of an entity, with the events in between' })
  async diff(@Param('streamId') streamId: string, @Query() q: DiffParams, @Res({ passthrough: true }) res: Response) {
    const from = q.fromAsOf !== undefined ? parseAsOf(q.fromAsOf) : { version: q.from ?? 0 };
    const to = q.toAsOf !== undefined ? parseAsOf(q.toAsOf) : q.to !== undefined ? { version: q.to } : {};
    const result = await this.handler.handle(streamId, from, to);
    if (!q.format) return result;
    const rows = result.changes.map((c) => ({ streamId, fromVersion: result.from.version, toVersion: result.to.version, ...c }));
    return exportResult(res, q.format, `diff-${streamId}-${result.from.version}-${result.to.version}`, { streamId, ...q }, rows, rows.length, [
      { header: 'streamId', value: (r) => r.streamId },
      { header: 'fromVersion', value: (r) => r.fromVersion },
      { header: 'toVersion', value: (r) => r.toVersion },
      { header: 'op', value: (r) => r.op },
      { header: 'path', value: (r) => r.path },
      { header: 'before', value: (r) => ('before' in r ? r.before : undefined) },
      { header: 'after', value: (r) => ('after' in r ? r.after : undefined) },
    ]);
  }
}
