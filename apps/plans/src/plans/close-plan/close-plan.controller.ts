import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { PLAN_WRITERS } from '../plan-roles';
import { PlanView } from '../plan-view';
import { ClosePlanDto } from './close-plan.dto';
import { ClosePlanHandler } from './close-plan.handler';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ClosePlanController {
  constructor(private readonly handler: ClosePlanHandler) {}

  @Post(':planId/close')
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Close a plan after its final review; nothing changes afterwards' })
  close(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Body() dto: ClosePlanDto): Promise<PlanView> {
    return this.handler.handle(context, planId, dto);
  }
}
