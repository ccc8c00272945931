import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { ACHIEVEMENT_RECORDERS, ACHIEVEMENT_VERIFIERS } from '../achievement-roles';
import { ReviewAchievementHandler } from './review-achievement.handler';
import type { AchievementView } from '../achievement-view';
import { ReasonDto, VerifyAchievementDto } from './review-achievement.dto';

/** The unit above verifies or refuses a recorded achievement; the recording side may withdraw it. */
@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements')
export class ReviewAchievementController {
  constructor(private readonly handler: ReviewAchievementHandler) {}

  @Post(':achievementId/verification')
  @HttpCode(200)
  @Roles(...ACHIEVEMENT_VERIFIERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Verify a recorded achievement (the unit above; not the person who recorded it): from now on it counts' })
  verify(@CurrentCommand() context: CommandContext, @Param('achievementId') id: string, @Body() dto: VerifyAchievementDto): Promise<AchievementView & { duplicate: boolean }> {
    return this.handler.handle(context, id, { type: 'VerifyAchievement', note: dto.note });
  }

  @Post(':achievementId/refusal')
  @HttpCode(200)
  @Roles(...ACHIEVEMENT_VERIFIERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Refuse a recorded achievement, with the reason (the unit above)' })
  refuse(@CurrentCommand() context: CommandContext, @Param('achievementId') id: string, @Body() dto: ReasonDto): Promise<AchievementView & { duplicate: boolean }> {
    return this.handler.handle(context, id, { type: 'RefuseAchievement', reason: dto.reason });
  }

  @Post(':achievementId/withdrawal')
  @HttpCode(200)
  @Roles(...ACHIEVEMENT_RECORDERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Withdraw an achievement, with the reason: it no longer counts' })
  withdraw(@CurrentCommand() context: CommandContext, @Param('achievementId') id: string, @Body() dto: ReasonDto): Promise<AchievementView & { duplicate: boolean }> {
    return this.handler.handle(context, id, { type: 'WithdrawAchievement', reason: dto.reason });
  }
}
