import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CompleteTraineeDto } from './complete-trainee.dto';
import { CompleteTraineeHandler } from './complete-trainee.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CompleteTraineeController {
  constructor(private readonly handler: CompleteTraineeHandler) {}

  @Post(':id/completions')
  @HttpCode(200)
  @Roles('trainer', 'province-admin')
  @CommandDocs()
  @ApiOperation({ summary: 'Record that a trainee completed the course: one person-time (lượt người), at most once per person per course' })
  complete(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: CompleteTraineeDto) {
    return this.handler.handle(context, id, dto.personId);
  }
}
