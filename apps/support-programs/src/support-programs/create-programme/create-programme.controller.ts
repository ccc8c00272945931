import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { ProgrammeView } from '../common/views';
import { CreateProgrammeDto } from './create-programme.dto';
import { CreateProgrammeHandler } from './create-programme.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('programmes')
@Controller('programmes')
export class CreateProgrammeController {
  constructor(private readonly handler: CreateProgrammeHandler) {}

  @Post()
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Create a support programme (chương trình hỗ trợ) in a unit within yours' })
  @ApiCreatedResponse({ description: 'The programme, with seats taken (0) of capacity' })
  create(@CurrentCommand() context: CommandContext, @Body() body: CreateProgrammeDto): Promise<ProgrammeView> {
    return this.handler.handle(context, body);
  }
}
