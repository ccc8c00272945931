import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { REPORTERS } from '../../plan-roles';
import { ReportingPeriodView } from '../period-view';
import { OpenReportingPeriodDto } from './open-period.dto';
import { OpenReportingPeriodHandler } from './open-period.handler';

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('plans')
export class OpenReportingPeriodController {
  constructor(private readonly handler: OpenReportingPeriodHandler) {}

  @Post(':planId/reporting-periods')
  @Roles(...REPORTERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Open the annual reporting period of a unit for a plan and year (due on its level’s deadline, else the plan’s, 10/11 by default; approved by each level of the plan’s approval chain in turn)' })
  open(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Body() dto: OpenReportingPeriodDto): Promise<ReportingPeriodView> {
    return this.handler.handle(context, planId, dto);
  }
}
