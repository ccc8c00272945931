import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CloseNominationHandler } from './close-nomination.handler';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class CloseNominationController {
  constructor(private readonly handler: CloseNominationHandler) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer', 'award-council')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Close a decided nomination' })
  close(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.handler.handle(req, actor, id);
  }
}
