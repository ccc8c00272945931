import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { StartEvaluationDto } from './start-evaluation.dto';
import { StartEvaluationHandler } from './start-evaluation.handler';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class StartEvaluationController {
  constructor(private readonly handler: StartEvaluationHandler) {}

  @Post(':id/evaluation-start')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Start the evaluation: fix the award council (usernames of award-council members)' })
  start(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: StartEvaluationDto) {
    return this.handler.handle(req, actor, id, dto.councilMemberIds);
  }
}
