import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs, programmeIdParam } from '../common/http';
import { RegistrationView } from '../common/views';
import { SubmitRegistrationDto } from './submit-registration.dto';
import { SubmitRegistrationHandler } from './submit-registration.handler';

@ApiTags('registrations')
@Controller('programmes')
export class SubmitRegistrationController {
  constructor(private readonly handler: SubmitRegistrationHandler) {}

  @Post(':id/registrations')
  @Roles('enterprise')
  @CommandDocs()
  @ApiOperation({ summary: 'Register your enterprise for a pilot model (mô hình điểm) under this programme; one registration per enterprise and programme' })
  @ApiCreatedResponse({ description: 'The registration (status submitted); its id is <programme id>:<enterprise id>' })
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: SubmitRegistrationDto, @Req() req: Request): Promise<RegistrationView> {
    return this.handler.handle(programmeIdParam(id), body, actor, req);
  }
}
