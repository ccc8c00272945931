import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { DecideNominationDto } from './decide-nomination.dto';
import { DecideNominationHandler } from './decide-nomination.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class DecideNominationController {
  constructor(private readonly handler: DecideNominationHandler) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('award-council')
  @CommandDocs()
  @ApiOperation({ summary: 'Decide (awarded / not-awarded) with the decision document number, once every council member evaluated' })
  decide(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: DecideNominationDto) {
    return this.handler.handle(context, id, dto);
  }
}
