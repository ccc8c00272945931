import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { programmeIdParam } from '../common/http';
import { ProgrammeView } from '../common/views';
import { CloseProgrammeDto, UpdateProgrammeDto } from './update-programme.dto';
import { UpdateProgrammeHandler } from './update-programme.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('programmes')
@Controller('programmes')
export class UpdateProgrammeController {
  constructor(private readonly handler: UpdateProgrammeHandler) {}

  @Patch(':id')
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Change the terms of an open programme (only the fields sent); capacity may not drop below the seats taken' })
  @ApiOkResponse({ description: 'The programme after the change' })
  update(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: UpdateProgrammeDto): Promise<ProgrammeView> {
    return this.handler.update(context, programmeIdParam(id), body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Close a programme (reason required): no more registrations or approvals' })
  @ApiOkResponse({ description: 'The closed programme' })
  close(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: CloseProgrammeDto): Promise<ProgrammeView> {
    return this.handler.close(context, programmeIdParam(id), body);
  }
}
