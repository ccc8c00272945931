import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { Response } from 'express';
import { CurrentActor, Public } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { AuditorOnly } from '../common/auditor-only';
import { verifyReportHash } from '../domain/report-hash';
import { periodOf } from '../user-activity/period.dto';
import { PlanReportHandler } from './plan-report.handler';

export class PlanReportParams {
  @ApiProperty({ description: 'Plan id (stream plan-<planId>)' })
  @IsString()
  planId: string;

  @ApiProperty({ example: '2025-01-01' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from: string;
  @ApiProperty({ example: '2025-12-31' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to: string;

  @ApiProperty({ required: false, enum: ['json'] }) @IsOptional() @IsIn(['json'])
  format?: 'json';
}

@Controller('audit/reports')
export class ReportsController {
  constructor(private readonly handler: PlanReportHandler) {}

  @Get('plan')
  @AuditorOnly()
  @ApiOperation({ summary: 'Audit report of a plan for a period, sealed with a SHA-256 over its canonical JSON (integrity.sha256)' })
  async plan(@Query() q: PlanReportParams, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    const period = periodOf(q);
    const report = await this.handler.handle(q.planId, { from: period.from!, to: period.to!, fromLabel: q.from, toLabel: q.to }, actor);
    if (q.format === 'json') res.setHeader('Content-Disposition', `attachment; filename="audit-report-${q.planId}-${q.from}-${q.to}.json"`);
    return report;
  }

  /** Pure recomputation over the posted document (no ledger data involved): anyone may check a report. */
  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiTags('audit')
  @ApiOperation({ summary: 'Check that an audit report was not altered: recomputes SHA-256 over its canonical JSON and compares with integrity.sha256' })
  verify(@Body() report: Record<string, unknown>) {
    return verifyReportHash(report);
  }
}
