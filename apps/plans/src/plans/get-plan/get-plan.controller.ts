import { BadRequestException, Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { PlanVersion } from '@nangsuat/contracts/plans';
import { PlanView } from '../plan-view';
import { GetPlanHandler, PlanHistoryEntry } from './get-plan.handler';
import { AsOfQuery } from './get-plan.query';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class GetPlanController {
  constructor(private readonly handler: GetPlanHandler) {}

  @Get(':planId')
  @ApiOperation({ summary: 'A plan with all its issued versions; ?asOf= as the platform had recorded it then, ?inForceOn= the version in force that day' })
  get(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Query() query: AsOfQuery): Promise<PlanView> {
    // Two parameters that each give the time to read at: the request is malformed, not refused by a rule.
    if (query.asOf && query.inForceOn) throw new BadRequestException('Give asOf (as recorded) or inForceOn (as in force), not both.');
    return this.handler.get(actor, planId, query);
  }

  @Get(':planId/versions/:version')
  @ApiOperation({ summary: 'One issued version of a plan: its content, and the reason and legal basis of the amendment' })
  version(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Param('version', ParseIntPipe) version: number): Promise<PlanVersion> {
    return this.handler.version(actor, planId, version);
  }

  @Get(':planId/history')
  @ApiOperation({ summary: 'Every change to the plan: what, when, who, for which unit and why' })
  history(@CurrentActor() actor: Actor, @Param('planId') planId: string): Promise<PlanHistoryEntry[]> {
    return this.handler.history(actor, planId);
  }
}
