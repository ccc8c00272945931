import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { IMPLEMENTERS } from '../common/roles';
import { RegistrationView } from '../common/views';
import { WithdrawRegistrationDto } from './withdraw-registration.dto';
import { WithdrawRegistrationHandler } from './withdraw-registration.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('registrations')
@Controller('registrations')
export class WithdrawRegistrationController {
  constructor(private readonly handler: WithdrawRegistrationHandler) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...IMPLEMENTERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Withdraw a registration (reason required); an approved one gives its seat back to the programme' })
  @ApiOkResponse({ description: 'The registration, withdrawn' })
  withdraw(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: WithdrawRegistrationDto): Promise<RegistrationView> {
    return this.handler.handle(context, id, body);
  }
}
