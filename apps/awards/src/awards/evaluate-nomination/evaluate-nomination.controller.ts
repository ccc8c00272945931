import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { EvaluateNominationDto } from './evaluate-nomination.dto';
import { EvaluateNominationHandler } from './evaluate-nomination.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class EvaluateNominationController {
  constructor(private readonly handler: EvaluateNominationHandler) {}

  @Post(':id/evaluations')
  @HttpCode(200)
  @Roles('award-council')
  @CommandDocs()
  @ApiOperation({ summary: 'Evaluate as a member of the council (score 0–100, comment); once per member — a second → 409' })
  evaluate(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: EvaluateNominationDto) {
    return this.handler.handle(context, id, dto);
  }
}
