import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { EvaluateNominationDto } from './evaluate-nomination.dto';
import { EvaluateNominationHandler } from './evaluate-nomination.handler';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class EvaluateNominationController {
  constructor(private readonly handler: EvaluateNominationHandler) {}

  @Post(':id/evaluations')
  @HttpCode(200)
  @Roles('award-council')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Evaluate as a member of the council (score 0–100, comment); once per member — a second → 409' })
  evaluate(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: EvaluateNominationDto) {
    return this.handler.handle(req, actor, id, dto);
  }
}
