import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AdministrativeUnit } from '@nangsuat/administrative-units';
import { UnitsHandler } from './units.handler';
import { UnitsQuery } from './units.query';

@ApiTags('administrative units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly handler: UnitsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Administrative units, searchable without diacritics' })
  list(@Query() query: UnitsQuery): AdministrativeUnit[] {
    return this.handler.list(query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'A unit, its ancestors, children and the lineage events that concern it' })
  get(@Param('code') code: string) {
    return this.handler.get(code);
  }
}
