import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Public, Role, Roles } from '@nangsuat/auth';
import { parseInstantInput } from '@nangsuat/service-runtime';
import { toVietnamDate } from '@nangsuat/vietnamese';
// The documented schema is the served one (compiled into the build, so every deployment has it).
import exportSchema from '../../../../../docs/national-database/export.schema.json';
import { NationalExport } from './national-export';
import { NationalExportHandler } from './national-export.handler';

export class NationalExportParams {
  @ApiPropertyOptional({ example: '31/12/2025', description: 'end of the period: facts up to this day (default: now); dd/mm/yyyy, yyyy-mm-dd or an ISO instant' })
  @IsOptional() @IsString() @MaxLength(40) asOf?: string;
  @ApiPropertyOptional({ enum: ['json'], description: 'json: download as a file' }) @IsOptional() @IsIn(['json']) format?: string;
}

/**
 * The national productivity database reads from here: an outside system with its own client
 * credentials (a service account, read-only across units) or an auditor.
 */
@ApiTags('national database')
@ApiBearerAuth()
@Controller('national-database')
export class NationalExportController {
  constructor(private readonly handler: NationalExportHandler) {}

  @Get('schema')
  @Public()
  @ApiOperation({ summary: 'The JSON Schema of the export (format nangsuat-national-productivity-export/1)' })
  getSchema(): unknown {
    return exportSchema;
  }

  @Get('plans/:planId/export')
  @Roles(Role.Auditor, Role.Service)
  @ApiOperation({ summary: 'A plan’s indicators and progress per unit at the end of a period, each fact with its inclusion proof in the day checkpoint of its context' })
  async export(@Param('planId') planId: string, @Query() q: NationalExportParams, @Res({ passthrough: true }) res: Response): Promise<NationalExport> {
    const now = new Date();
    const parsed = q.asOf ? parseInstantInput(q.asOf, 'asOf') : { instant: now.toISOString(), date: toVietnamDate(now) };
    const instant = Date.parse(parsed.instant) > now.getTime() ? now.toISOString() : parsed.instant;
    const result = await this.handler.handle(planId, { instant, date: toVietnamDate(instant) });
    if (q.format === 'json') res.setHeader('Content-Disposition', `attachment; filename="national-export-${planId.replace(/[^A-Za-z0-9_-]/g, '_')}-${toVietnamDate(instant)}.json"`);
    return result;
  }
}
