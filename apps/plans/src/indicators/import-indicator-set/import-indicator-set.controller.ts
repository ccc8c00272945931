import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { CATALOGUE_WRITERS } from '../indicator-catalogue.service';
import { ImportIndicatorSetDto, ImportResult } from './import-indicator-set.dto';
import { ImportIndicatorSetHandler } from './import-indicator-set.handler';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class ImportIndicatorSetController {
  constructor(private readonly handler: ImportIndicatorSetHandler) {}

  @Post('imports')
  @Roles(...CATALOGUE_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Import an indicator set (the JSON file as the body) as one versioned change of the catalogue' })
  import(@CurrentCommand() context: CommandContext, @Body() dto: ImportIndicatorSetDto): Promise<ImportResult> {
    return this.handler.handle(context, dto);
  }
}
