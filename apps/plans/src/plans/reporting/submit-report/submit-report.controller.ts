import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { REPORTERS } from '../../plan-roles';
import { ReportingPeriodView } from '../period-view';
import { SubmitReportDto } from './submit-report.dto';
import { SubmitReportHandler } from './submit-report.handler';

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class SubmitReportController {
  constructor(private readonly handler: SubmitReportHandler) {}

  @Post(':periodId/submit')
  @HttpCode(200)
  @Roles(...REPORTERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Generate the report from the progress projection and submit it upward; its figures are frozen in the event and the period is locked' })
  submit(@CurrentCommand() context: CommandContext, @Param('periodId') periodId: string, @Body() dto: SubmitReportDto): Promise<ReportingPeriodView> {
    return this.handler.handle(context, periodId, dto);
  }
}
