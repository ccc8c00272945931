import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { PlanChangesDto } from '../plan-content.dto';
import { PlanCommands } from '../plan-commands.service';
import { PlanView } from '../plan-view';
import { PLAN_WRITERS } from '../plan-roles';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ReviseDraftController {
  constructor(private readonly plans: PlanCommands) {}

  @Patch(':planId')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Revise a draft (an issued plan changes only by amendment)' })
  revise(@Req() req: Request, @CurrentActor() actor: Actor, @Param('planId') planId: string, @Body() changes: PlanChangesDto): Promise<PlanView> {
    return this.plans.execute(req, actor, { type: 'ReviseDraft', planId, changes: changes as any });
  }
}
