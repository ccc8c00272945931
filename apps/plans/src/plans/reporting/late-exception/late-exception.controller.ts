import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { LATE_EXCEPTION_GRANTERS } from '../../plan-roles';
import { ReportingPeriodView } from '../period-view';
import { LateExceptionDto } from './late-exception.dto';
import { LateExceptionHandler } from './late-exception.handler';

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class LateExceptionController {
  constructor(private readonly handler: LateExceptionHandler) {}

  @Post(':periodId/late-exception')
  @Roles(...LATE_EXCEPTION_GRANTERS)
  @CommandDocs()
  @ApiOperation({ summary: 'The province lets late events count in this (locked) period instead of the next' })
  grant(@CurrentCommand() context: CommandContext, @Param('periodId') periodId: string, @Body() dto: LateExceptionDto): Promise<ReportingPeriodView> {
    return this.handler.handle(context, periodId, dto);
  }
}
