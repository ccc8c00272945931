import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { ACHIEVEMENT_RECORDERS } from '../achievement-roles';
import type { AchievementView } from '../achievement-view';
import { RecordAchievementDto } from './record-achievement.dto';
import { RecordAchievementHandler } from './record-achievement.handler';

@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements')
export class RecordAchievementController {
  constructor(private readonly handler: RecordAchievementHandler) {}

  @Post()
  @Roles(...ACHIEVEMENT_RECORDERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Record an achievement for an indicator no service counts (club founded, S&T task, tool applied, enterprise supported); it counts once the unit above verifies it' })
  record(@CurrentCommand() context: CommandContext, @Body() dto: RecordAchievementDto): Promise<AchievementView & { duplicate: boolean }> {
    return this.handler.handle(context, dto);
  }
}
