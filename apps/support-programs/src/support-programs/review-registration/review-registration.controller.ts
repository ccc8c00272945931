import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs } from '../common/http';
import { RegistrationView } from '../common/views';
import { RejectRegistrationDto, ReviewRegistrationDto } from './review-registration.dto';
import { ReviewRegistrationHandler } from './review-registration.handler';

/** Roles of the office that reviews registrations (scope: the programme's unit subtree). */
export const REVIEWERS = ['province-admin', 'department-officer', 'commune-officer'] as const;

@ApiTags('registrations')
@Controller('registrations')
export class ReviewRegistrationController {
  constructor(private readonly handler: ReviewRegistrationHandler) {}

  @Post(':id/review')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Start reviewing a submitted registration' })
  @ApiOkResponse({ description: 'The registration, under review' })
  review(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReviewRegistrationDto, @Req() req: Request): Promise<RegistrationView> {
    return this.handler.startReview(id, body, actor, req);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Reject a registration under review, with a reason' })
  @ApiOkResponse({ description: 'The registration, rejected' })
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: RejectRegistrationDto, @Req() req: Request): Promise<RegistrationView> {
    return this.handler.reject(id, body, actor, req);
  }
}
