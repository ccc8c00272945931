import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { REVIEWERS } from '../common/roles';
import { RegistrationView } from '../common/views';
import { RejectRegistrationDto, ReviewRegistrationDto } from './review-registration.dto';
import { ReviewRegistrationHandler } from './review-registration.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

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
  review(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: ReviewRegistrationDto): Promise<RegistrationView> {
    return this.handler.startReview(context, id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...REVIEWERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Reject a registration under review, with a reason' })
  @ApiOkResponse({ description: 'The registration, rejected' })
  reject(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: RejectRegistrationDto): Promise<RegistrationView> {
    return this.handler.reject(context, id, body);
  }
}
