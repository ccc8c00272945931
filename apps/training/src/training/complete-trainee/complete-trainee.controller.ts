import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CompleteTraineeDto } from './complete-trainee.dto';
import { CompleteTraineeHandler } from './complete-trainee.handler';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CompleteTraineeController {
  constructor(private readonly handler: CompleteTraineeHandler) {}

  @Post(':id/completions')
  @HttpCode(200)
  @Roles('trainer', 'province-admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Record that a trainee completed the course: one person-time (lượt người), at most once per person per course' })
  complete(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CompleteTraineeDto) {
    return this.handler.handle(req, actor, id, dto.personId);
  }
}
