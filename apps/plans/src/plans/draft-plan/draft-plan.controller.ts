import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { PLAN_WRITERS } from '../plan-roles';
import { PlanView } from '../plan-view';
import { DraftPlanDto } from './draft-plan.dto';
import { DraftPlanHandler } from './draft-plan.handler';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class DraftPlanController {
  constructor(private readonly handler: DraftPlanHandler) {}

  @Post()
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Draft a plan (Kế hoạch) for an administrative unit within yours' })
  draft(@CurrentCommand() context: CommandContext, @Body() dto: DraftPlanDto): Promise<PlanView> {
    return this.handler.handle(context, dto);
  }
}
