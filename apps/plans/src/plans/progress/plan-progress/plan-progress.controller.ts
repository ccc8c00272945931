import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import { ContributionView, PlanProgressHandler, PlanProgressView } from './plan-progress.handler';
import { ContributionsQuery, ProgressQuery } from './plan-progress.query';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('plans')
export class PlanProgressController {
  constructor(private readonly handler: PlanProgressHandler) {}

  @Get(':planId/progress')
  @ApiOperation({ summary: 'Progress of every target: required, actual, status, per-unit roll-up (commune → province), contributing events' })
  get(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Query() query: ProgressQuery): Promise<PlanProgressView> {
    return this.handler.get(actor, planId, query);
  }

  @Get(':planId/progress/:targetId/contributions')
  @ApiOperation({ summary: 'The events that make up a target’s count, oldest first (paginated); ?unit= for one unit’s share' })
  list(
    @CurrentActor() actor: Actor,
    @Param('planId') planId: string,
    @Param('targetId') targetId: string,
    @Query() query: ContributionsQuery,
  ): Promise<Page<ContributionView> & { targetId: string; actual?: number }> {
    return this.handler.contributions(actor, planId, targetId, query);
  }
}
