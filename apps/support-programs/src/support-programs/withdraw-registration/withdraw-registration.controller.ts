import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs } from '../common/http';
import { RegistrationView } from '../common/views';
import { IMPLEMENTERS } from '../implement-registration/implement-registration.controller';
import { WithdrawRegistrationDto } from './withdraw-registration.dto';
import { WithdrawRegistrationHandler } from './withdraw-registration.handler';

@ApiTags('registrations')
@Controller('registrations')
export class WithdrawRegistrationController {
  constructor(private readonly handler: WithdrawRegistrationHandler) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...IMPLEMENTERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Withdraw a registration (reason required); an approved one gives its seat back to the programme' })
  @ApiOkResponse({ description: 'The registration, withdrawn' })
  withdraw(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: WithdrawRegistrationDto, @Req() req: Request): Promise<RegistrationView> {
    return this.handler.handle(id, body, actor, req);
  }
}
