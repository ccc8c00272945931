import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IndicatorView } from '../indicator-catalogue.service';
import { CatalogueChange, ListIndicatorsHandler } from './list-indicators.handler';
import { IndicatorsQuery } from './list-indicators.query';

/** The catalogue: what every indicator means and how it is counted; every change with who, when and why. */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class ListIndicatorsController {
  constructor(private readonly handler: ListIndicatorsHandler) {}

  @Get()
  @ApiOperation({ summary: 'The indicator catalogue (searchable without diacritics; by level, source, day in force)' })
  list(@Query() q: IndicatorsQuery): Promise<{ catalogueVersion: number; imports: readonly string[]; indicators: IndicatorView[] }> {
    return this.handler.list(q);
  }

  @Get('changes')
  @ApiOperation({ summary: 'Every change of the catalogue: version, who, when, why, which indicators' })
  changes(): Promise<CatalogueChange[]> {
    return this.handler.changes();
  }

  @Get(':code')
  @ApiOperation({ summary: 'One indicator, with the changes that concern it' })
  get(@Param('code') code: string): Promise<IndicatorView & { changes: CatalogueChange[] }> {
    return this.handler.get(code);
  }
}
