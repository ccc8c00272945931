import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import { enterpriseIdParam } from '../common/http';
import { EnterpriseView } from '../common/views';
import { EnterpriseQueries } from './list-enterprises.handler';
import { ListEnterprisesQuery } from './list-enterprises.query';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class ListEnterprisesController {
  constructor(private readonly queries: EnterpriseQueries) {}

  @Get()
  @ApiOperation({ summary: 'Enterprises you may see (officers: your unit subtree; enterprise users: your own), newest first' })
  @ApiOkResponse({ description: '{ items, page, pageSize, total } — the read model, updated from events within moments of a change' })
  list(@CurrentActor() actor: Actor, @Query() q: ListEnterprisesQuery): Promise<Page<EnterpriseView>> {
    return this.queries.list(q, actor);
  }

  @Get('mine')
  @Roles('enterprise')
  @ApiOperation({ summary: 'The enterprise your account acts for (404 until it is registered)' })
  mine(@CurrentActor() actor: Actor): Promise<EnterpriseView> {
    return this.queries.mine(actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One enterprise, current (from its events)' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EnterpriseView> {
    return this.queries.get(enterpriseIdParam(id), actor);
  }
}
