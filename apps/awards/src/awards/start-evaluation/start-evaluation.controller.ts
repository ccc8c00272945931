import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { StartEvaluationDto } from './start-evaluation.dto';
import { StartEvaluationHandler } from './start-evaluation.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class StartEvaluationController {
  constructor(private readonly handler: StartEvaluationHandler) {}

  @Post(':id/evaluation-start')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Start the evaluation: fix the award council (usernames of award-council members)' })
  start(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: StartEvaluationDto) {
    return this.handler.handle(context, id, dto.councilMemberIds);
  }
}
