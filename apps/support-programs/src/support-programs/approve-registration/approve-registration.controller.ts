import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { REVIEWERS } from '../common/roles';
import { RegistrationView } from '../common/views';
import { ApproveRegistrationDto } from '../review-registration/review-registration.dto';
import { ApproveRegistrationHandler } from './approve-registration.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

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
  approve(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: ApproveRegistrationDto): Promise<RegistrationView> {
    return this.handler.handle(context, id, body);
  }
}
