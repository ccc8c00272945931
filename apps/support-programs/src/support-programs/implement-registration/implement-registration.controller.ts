import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { IMPLEMENTERS } from '../common/roles';
import { RegistrationView } from '../common/views';
import { CompleteRegistrationDto, StartImplementationDto } from './implement-registration.dto';
import { ImplementRegistrationHandler } from './implement-registration.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('registrations')
@Controller('registrations')
export class ImplementRegistrationController {
  constructor(private readonly handler: ImplementRegistrationHandler) {}

  @Post(':id/start')
  @HttpCode(200)
  @Roles(...IMPLEMENTERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Start implementing an approved pilot model' })
  @ApiOkResponse({ description: 'The registration, in implementation' })
  start(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: StartImplementationDto): Promise<RegistrationView> {
    return this.handler.start(context, id, body);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...IMPLEMENTERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Record the outcome of a pilot model: productivity gain, certificates, evidence' })
  @ApiOkResponse({ description: 'The registration, completed with its outcome' })
  complete(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: CompleteRegistrationDto): Promise<RegistrationView> {
    return this.handler.complete(context, id, body);
  }
}
