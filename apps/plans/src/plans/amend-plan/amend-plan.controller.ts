import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { PLAN_WRITERS } from '../plan-roles';
import { PlanView } from '../plan-view';
import { AmendPlanDto } from './amend-plan.dto';
import { AmendPlanHandler } from './amend-plan.handler';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class AmendPlanController {
  constructor(private readonly handler: AmendPlanHandler) {}

  @Post(':planId/amendments')
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Amend an issued plan (điều chỉnh): a new version with its reason and legal basis' })
  amend(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Body() dto: AmendPlanDto): Promise<PlanView> {
    return this.handler.handle(context, planId, dto);
  }
}
