import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { WithdrawNominationDto } from './withdraw-nomination.dto';
import { WithdrawNominationHandler } from './withdraw-nomination.handler';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class WithdrawNominationController {
  constructor(private readonly handler: WithdrawNominationHandler) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer', 'commune-officer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Withdraw a nomination before the decision, with the reason' })
  withdraw(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: WithdrawNominationDto) {
    return this.handler.handle(req, actor, id, dto.reason);
  }
}
