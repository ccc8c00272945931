import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import { ListReportingPeriodsHandler } from './list-periods.handler';
import { ListReportingPeriodsQuery } from './list-periods.query';

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class ListReportingPeriodsController {
  constructor(private readonly handler: ListReportingPeriodsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Reporting periods the caller may see (own unit’s subtree; auditors all), by unit, year, status, plan; by due date' })
  list(@CurrentActor() actor: Actor, @Query() q: ListReportingPeriodsQuery): Promise<Page<Record<string, unknown>>> {
    return this.handler.handle(actor, q);
  }
}
