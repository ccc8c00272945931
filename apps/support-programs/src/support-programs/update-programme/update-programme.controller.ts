import { Body, Controller, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs, programmeIdParam } from '../common/http';
import { ProgrammeView } from '../common/views';
import { CloseProgrammeDto, UpdateProgrammeDto } from './update-programme.dto';
import { UpdateProgrammeHandler } from './update-programme.handler';

@ApiTags('programmes')
@Controller('programmes')
export class UpdateProgrammeController {
  constructor(private readonly handler: UpdateProgrammeHandler) {}

  @Patch(':id')
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Change the terms of an open programme (only the fields sent); capacity may not drop below the seats taken' })
  @ApiOkResponse({ description: 'The programme after the change' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateProgrammeDto, @Req() req: Request): Promise<ProgrammeView> {
    return this.handler.update(programmeIdParam(id), body, actor, req);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Close a programme (reason required): no more registrations or approvals' })
  @ApiOkResponse({ description: 'The closed programme' })
  close(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: CloseProgrammeDto, @Req() req: Request): Promise<ProgrammeView> {
    return this.handler.close(programmeIdParam(id), body, actor, req);
  }
}
