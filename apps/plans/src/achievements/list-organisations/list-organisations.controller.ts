import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@nangsuat/service-runtime';
import type { OrganisationView } from '../achievement-view';
import { ListOrganisationsHandler } from './list-organisations.handler';
import { ListOrganisationsQuery } from './list-organisations.query';

@ApiTags('achievements')
@ApiBearerAuth()
@Controller('organisations')
export class ListOrganisationsController {
  constructor(private readonly handler: ListOrganisationsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Registered organisations, by unit and kind, searchable without diacritics' })
  list(@Query() q: ListOrganisationsQuery): Promise<Page<Record<string, unknown>>> {
    return this.handler.list(q);
  }

  @Get(':organisationId')
  @ApiOperation({ summary: 'One organisation' })
  get(@Param('organisationId') organisationId: string): Promise<OrganisationView> {
    return this.handler.get(organisationId);
  }
}
