import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { DecideNominationDto } from './decide-nomination.dto';
import { DecideNominationHandler } from './decide-nomination.handler';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class DecideNominationController {
  constructor(private readonly handler: DecideNominationHandler) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('award-council')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Decide (awarded / not-awarded) with the decision document number, once every council member evaluated' })
  decide(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: DecideNominationDto) {
    return this.handler.handle(req, actor, id, dto);
  }
}
