import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { WithdrawNominationDto } from './withdraw-nomination.dto';
import { WithdrawNominationHandler } from './withdraw-nomination.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class WithdrawNominationController {
  constructor(private readonly handler: WithdrawNominationHandler) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer', 'commune-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Withdraw a nomination before the decision, with the reason' })
  withdraw(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: WithdrawNominationDto) {
    return this.handler.handle(context, id, dto.reason);
  }
}
