import { BadRequestException, Body, Controller, Delete, Param, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { TargetDto } from '../plan-content.dto';
import { PlanCommands } from '../plan-commands.service';
import { PlanView } from '../plan-view';
import { PLAN_WRITERS } from '../plan-roles';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans/:planId/targets')
export class ManageTargetsController {
  constructor(private readonly plans: PlanCommands) {}

  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Add a specific target (mục tiêu cụ thể) to a draft' })
  add(@Req() req: Request, @CurrentActor() actor: Actor, @Param('planId') planId: string, @Body() target: TargetDto): Promise<PlanView> {
    return this.plans.execute(req, actor, { type: 'AddTarget', planId, target: target as any });
  }

  @Put(':targetId')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Replace a target of a draft' })
  revise(
    @Req() req: Request,
    @CurrentActor() actor: Actor,
    @Param('planId') planId: string,
    @Param('targetId') targetId: string,
    @Body() target: TargetDto,
  ): Promise<PlanView> {
    if (target.id !== targetId) throw new BadRequestException(`The target in the body has id "${target.id}", the address says "${targetId}".`);
    return this.plans.execute(req, actor, { type: 'ReviseTarget', planId, target: target as any });
  }

  @Delete(':targetId')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Remove a target from a draft' })
  remove(@Req() req: Request, @CurrentActor() actor: Actor, @Param('planId') planId: string, @Param('targetId') targetId: string): Promise<PlanView> {
    return this.plans.execute(req, actor, { type: 'RemoveTarget', planId, targetId });
  }
}
