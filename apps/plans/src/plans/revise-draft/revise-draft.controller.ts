import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { PlanChangesDto } from '../plan-content.dto';
import { PLAN_WRITERS } from '../plan-roles';
import { PlanView } from '../plan-view';
import { ReviseDraftHandler } from './revise-draft.handler';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ReviseDraftController {
  constructor(private readonly handler: ReviseDraftHandler) {}

  @Patch(':planId')
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Revise a draft (an issued plan changes only by amendment)' })
  revise(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Body() changes: PlanChangesDto): Promise<PlanView> {
    return this.handler.handle(context, planId, changes);
  }
}
