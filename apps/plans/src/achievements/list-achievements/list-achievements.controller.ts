import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import type { AchievementView } from '../achievement-view';
import { ListAchievementsHandler } from './list-achievements.handler';
import { ListAchievementsQuery } from './list-achievements.query';

@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements')
export class ListAchievementsController {
  constructor(private readonly handler: ListAchievementsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Recorded achievements of a unit’s subtree (awaiting verification, verified, refused, withdrawn)' })
  list(@CurrentActor() actor: Actor, @Query() q: ListAchievementsQuery): Promise<Page<Record<string, unknown>>> {
    return this.handler.list(actor, q);
  }

  @Get(':achievementId')
  @ApiOperation({ summary: 'One achievement with its history (recorded, verified or refused, withdrawn: who, when, why)' })
  get(@CurrentActor() actor: Actor, @Param('achievementId') id: string): Promise<AchievementView & { history: unknown[] }> {
    return this.handler.get(actor, id);
  }
}
