import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { PLAN_WRITERS } from '../plan-roles';
import { PlanView } from '../plan-view';
import { IssuePlanDto } from './issue-plan.dto';
import { IssuePlanHandler } from './issue-plan.handler';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class IssuePlanController {
  constructor(private readonly handler: IssuePlanHandler) {}

  @Post(':planId/issue')
  @Roles(...PLAN_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Issue a draft under its document number (unique per issuing unit, issuer, year and type)' })
  issue(@CurrentCommand() context: CommandContext, @Param('planId') planId: string, @Body() dto: IssuePlanDto): Promise<PlanView> {
    return this.handler.handle(context, planId, dto);
  }
}
