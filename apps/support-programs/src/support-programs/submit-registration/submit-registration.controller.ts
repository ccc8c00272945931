import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { programmeIdParam } from '../common/http';
import { RegistrationView } from '../common/views';
import { SubmitRegistrationDto } from './submit-registration.dto';
import { SubmitRegistrationHandler } from './submit-registration.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('registrations')
@Controller('programmes')
export class SubmitRegistrationController {
  constructor(private readonly handler: SubmitRegistrationHandler) {}

  @Post(':id/registrations')
  @Roles('enterprise')
  @CommandDocs()
  @ApiOperation({ summary: 'Register your enterprise for a pilot model (mô hình điểm) under this programme; one registration per enterprise and programme' })
  @ApiCreatedResponse({ description: 'The registration (status submitted); its id is <programme id>:<enterprise id>' })
  submit(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: SubmitRegistrationDto): Promise<RegistrationView> {
    return this.handler.handle(context, programmeIdParam(id), body);
  }
}
