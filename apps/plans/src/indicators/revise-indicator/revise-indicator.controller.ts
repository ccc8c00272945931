import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { CATALOGUE_WRITERS, IndicatorView } from '../indicator-catalogue.service';
import { ReviseIndicatorDto } from './revise-indicator.dto';
import { ReviseIndicatorHandler } from './revise-indicator.handler';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class ReviseIndicatorController {
  constructor(private readonly handler: ReviseIndicatorHandler) {}

  @Post(':code/revisions')
  @Roles(...CATALOGUE_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Revise a catalogue entry (names, levels, validity, counting rule…), with the reason; the previous entry is kept in the event' })
  revise(@CurrentCommand() context: CommandContext, @Param('code') code: string, @Body() dto: ReviseIndicatorDto): Promise<IndicatorView & { catalogueVersion: number }> {
    return this.handler.handle(context, code, dto);
  }
}
