import { BadRequestException, Body, Controller, Delete, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { TargetDto } from '../plan-content.dto';
import { PLAN_WRITERS } from '../plan-roles';
import { PlanView } from '../plan-view';
import { ManageTargetsHandler } from './manage-targets.handler';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans/:planId/targets')
export class ManageTargetsController {
  constructor(private readonly handler: ManageTargetsHandler) {}

  @Post()
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Add a specific target (mục tiêu cụ thể) to a draft' })
  add(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Body() target: TargetDto): Promise<PlanView> {
    return this.handler.add(context, planId, target);
  }

  @Put(':targetId')
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Replace a target of a draft' })
  revise(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Param('targetId') targetId: string, @Body() target: TargetDto): Promise<PlanView> {
    // The request's address and body name two targets: a malformed request, not a rule of the plan.
    if (target.id !== targetId) throw new BadRequestException(`The target in the body has id "${target.id}", the address says "${targetId}".`);
    return this.handler.revise(context, planId, target);
  }

  @Delete(':targetId')
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Remove a target from a draft' })
  remove(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Param('targetId') targetId: string): Promise<PlanView> {
    return this.handler.remove(context, planId, targetId);
  }
}
