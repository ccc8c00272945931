import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs } from '../common/http';
import { RegistrationView } from '../common/views';
import { REVIEWERS } from '../review-registration/review-registration.controller';
import { ApproveRegistrationDto } from '../review-registration/review-registration.dto';
import { ApproveRegistrationHandler } from './approve-registration.handler';

@ApiTags('registrations')
@Controller('registrations')
export class ApproveRegistrationController {
  constructor(private readonly handler: ApproveRegistrationHandler) {}

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Approve a registration under review: takes one seat of the programme (409 when the programme is full); approving again changes nothing' })
  @ApiOkResponse({ description: 'The registration, approved' })
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ApproveRegistrationDto, @Req() req: Request): Promise<RegistrationView> {
    return this.handler.handle(id, body, actor, req);
  }
}
