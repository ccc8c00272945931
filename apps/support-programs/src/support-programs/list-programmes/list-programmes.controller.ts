import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import { programmeIdParam } from '../common/http';
import { HistoryEntry, ProgrammeView } from '../common/views';
import { ProgrammeQueries } from './list-programmes.handler';
import { ListProgrammesQuery } from './list-programmes.query';

@ApiTags('programmes')
@ApiBearerAuth()
@Controller('programmes')
export class ListProgrammesController {
  constructor(private readonly queries: ProgrammeQueries) {}

  @Get()
  @ApiOperation({ summary: 'Programmes, newest first: filter by unit (with its subtree), status, tool, group, plan, and words (diacritics ignored)' })
  @ApiOkResponse({ description: '{ items, page, pageSize, total } — the read model, updated from events within moments of a change' })
  list(@Query() q: ListProgrammesQuery): Promise<Page<ProgrammeView>> {
    return this.queries.list(q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One programme, current (from its events), with seats taken of capacity' })
  get(@Param('id') id: string): Promise<ProgrammeView> {
    return this.queries.get(programmeIdParam(id));
  }

  @Get(':id/history')
  @ApiOperation({ summary: "The programme's events: what changed, who, for which unit, when and why" })
  history(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<{ programmeId: string; events: HistoryEntry[] }> {
    return this.queries.history(programmeIdParam(id), actor);
  }
}
