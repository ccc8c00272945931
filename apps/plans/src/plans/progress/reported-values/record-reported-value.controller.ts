import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { PLAN_WRITERS } from '../../plan-roles';
import { RecordedReportedValue, RecordReportedValueDto } from './record-reported-value.dto';
import { RecordReportedValueHandler } from './record-reported-value.handler';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('plans')
export class RecordReportedValueController {
  constructor(private readonly handler: RecordReportedValueHandler) {}

  @Post(':planId/targets/:targetId/reported-values')
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Enter a statistic for a reported target (labour-productivity growth, TFP share) with its source' })
  record(
    @CurrentCommand() context: CommandContext,
    @Param('planId') planId: string,
    @Param('targetId') targetId: string,
    @Body() dto: RecordReportedValueDto,
  ): Promise<RecordedReportedValue> {
    return this.handler.handle(context, planId, targetId, dto);
  }
}
