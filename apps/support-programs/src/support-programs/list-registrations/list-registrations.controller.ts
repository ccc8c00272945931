import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import { HistoryEntry, RegistrationView } from '../common/views';
import { RegistrationQueries } from './list-registrations.handler';
import { ListRegistrationsQuery } from './list-registrations.query';

@ApiTags('registrations')
@ApiBearerAuth()
@Controller('registrations')
export class ListRegistrationsController {
  constructor(private readonly queries: RegistrationQueries) {}

  @Get()
  @ApiOperation({ summary: 'Pilot-model registrations you may see, newest first: filter by programme, enterprise, status, unit (with its subtree), words' })
  @ApiOkResponse({ description: '{ items, page, pageSize, total } — the read model, updated from events within moments of a change' })
  list(@CurrentActor() actor: Actor, @Query() q: ListRegistrationsQuery): Promise<Page<RegistrationView>> {
    return this.queries.list(q, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One registration, current (from its events)' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RegistrationView> {
    return this.queries.get(id, actor);
  }

  @Get(':id/history')
  @ApiOperation({ summary: "The registration's events: who reviewed, approved, rejected or withdrew it, when and why" })
  history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<{ registrationId: string; events: HistoryEntry[] }> {
    return this.queries.history(id, actor);
  }
}
