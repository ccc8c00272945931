import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { CATALOGUE_WRITERS, IndicatorView } from '../indicator-catalogue.service';
import { DefineIndicatorDto } from './define-indicator.dto';
import { DefineIndicatorHandler } from './define-indicator.handler';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class DefineIndicatorController {
  constructor(private readonly handler: DefineIndicatorHandler) {}

  @Post()
  @Roles(...CATALOGUE_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Add an indicator to the catalogue (code, names, unit, counting rule, facts, levels, validity), with the reason' })
  define(@CurrentCommand() context: CommandContext, @Body() dto: DefineIndicatorDto): Promise<IndicatorView & { catalogueVersion: number }> {
    return this.handler.handle(context, dto);
  }
}
