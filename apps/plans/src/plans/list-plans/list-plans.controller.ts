import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import { ListPlansHandler } from './list-plans.handler';
import { ListPlansQuery } from './list-plans.query';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ListPlansController {
  constructor(private readonly handler: ListPlansHandler) {}

  @Get()
  @ApiOperation({ summary: 'Plans, newest first: issued plans for everyone signed in, drafts for those who may read their unit' })
  list(@CurrentActor() actor: Actor, @Query() query: ListPlansQuery): Promise<Page<Record<string, unknown>>> {
    return this.handler.handle(actor, query);
  }
}
