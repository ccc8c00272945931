import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { ListNominationsHandler } from './list-nominations.handler';
import { ListNominationsQuery } from './list-nominations.query';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class ListNominationsController {
  constructor(private readonly handler: ListNominationsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Nominations in a unit subtree you may read; filter by category, status, outcome, q' })
  list(@CurrentActor() actor: Actor, @Query() q: ListNominationsQuery) {
    return this.handler.handle(actor, q);
  }
}
