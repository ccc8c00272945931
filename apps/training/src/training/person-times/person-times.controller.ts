import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { PersonTimesHandler } from './person-times.handler';
import { PersonTimesQuery } from './person-times.query';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('person-times')
export class PersonTimesController {
  constructor(private readonly handler: PersonTimesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Person-times trained (lượt người) in a unit and its subtree, optionally between two completion dates' })
  count(@CurrentActor() actor: Actor, @Query() q: PersonTimesQuery) {
    return this.handler.handle(actor, q);
  }
}
