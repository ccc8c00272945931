import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, WithoutUnit } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { Page, PageQuery } from '@nangsuat/service-runtime';
import type { EnterpriseClaimView } from '../enterprise-claims/enterprise-claim-view';
import { EnterpriseClaimQueries } from './list-enterprise-claims.handler';
import { ListEnterpriseClaimsQuery } from './list-enterprise-claims.query';

@ApiTags('enterprise claims')
@ApiBearerAuth()
@Controller('enterprise-claims')
export class ListEnterpriseClaimsController {
  constructor(private readonly queries: EnterpriseClaimQueries) {}

  @Get()
  @ApiOperation({ summary: "Claims you may decide or see (officers: enterprises of your unit subtree; an enterprise's users: claims naming it), newest first" })
  @ApiOkResponse({ description: '{ items, page, pageSize, total } — the read model, updated from events within moments of a change' })
  list(@CurrentActor() actor: Actor, @Query() q: ListEnterpriseClaimsQuery): Promise<Page<EnterpriseClaimView>> {
    return this.queries.list(q, actor);
  }

  @Get('mine')
  @WithoutUnit()
  @ApiOperation({ summary: 'Your own claims and where each stands (for a person who signed up themselves), newest first' })
  mine(@CurrentActor() actor: Actor, @Query() q: PageQuery): Promise<Page<EnterpriseClaimView>> {
    return this.queries.mine(q, actor);
  }
}
