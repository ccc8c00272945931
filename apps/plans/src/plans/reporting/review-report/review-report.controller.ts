import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { REPORT_REVIEWERS } from '../../plan-roles';
import { ReportingPeriodView } from '../period-view';
import { ReturnReportDto } from './review-report.dto';
import { ReviewReportHandler } from './review-report.handler';

/** The unit above the reporting unit (the province for a commune) approves or returns a submitted report. */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class ReviewReportController {
  constructor(private readonly handler: ReviewReportHandler) {}

  @Post(':periodId/approve')
  @HttpCode(200)
  @Roles(...REPORT_REVIEWERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Approve a submitted report (a unit above the reporting unit)' })
  approve(@CurrentCommand() context: CommandContext, @Param('periodId') periodId: string): Promise<ReportingPeriodView> {
    return this.handler.approve(context, periodId);
  }

  @Post(':periodId/return')
  @HttpCode(200)
  @Roles(...REPORT_REVIEWERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Return a submitted report with the reason (unlocks the period for correction and resubmission)' })
  return(@CurrentCommand() context: CommandContext, @Param('periodId') periodId: string, @Body() dto: ReturnReportDto): Promise<ReportingPeriodView> {
    return this.handler.return(context, periodId, dto);
  }
}
