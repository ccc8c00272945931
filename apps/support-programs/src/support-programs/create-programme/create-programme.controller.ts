import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs } from '../common/http';
import { ProgrammeView } from '../common/views';
import { CreateProgrammeDto } from './create-programme.dto';
import { CreateProgrammeHandler } from './create-programme.handler';

@ApiTags('programmes')
@Controller('programmes')
export class CreateProgrammeController {
  constructor(private readonly handler: CreateProgrammeHandler) {}

  @Post()
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Create a support programme (chương trình hỗ trợ) in a unit within yours' })
  @ApiCreatedResponse({ description: 'The programme, with seats taken (0) of capacity' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateProgrammeDto, @Req() req: Request): Promise<ProgrammeView> {
    return this.handler.handle(body, actor, req);
  }
}
