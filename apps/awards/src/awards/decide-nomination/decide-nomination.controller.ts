import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { DecideNominationDto } from './decide-nomination.dto';
import { DecideNominationHandler } from './decide-nomination.handler';
import { CommandContext, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class DecideNominationController {
  constructor(private readonly handler: DecideNominationHandler) {}

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('award-council')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Decide (awarded / not-awarded) with the decision document number, once every council member evaluated' })
  decide(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: DecideNominationDto) {
    return this.handler.handle(context, id, dto);
  }
}
