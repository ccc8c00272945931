import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { ReportingPeriodView } from '../period-view';
import { GetReportingPeriodHandler } from './get-period.handler';
import { ReportLanguageQuery } from './get-period.query';

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class GetReportingPeriodController {
  constructor(private readonly handler: GetReportingPeriodHandler) {}

  @Get(':periodId')
  @ApiOperation({ summary: 'A reporting period: its frozen report (after submission), today’s figures, late facts, the approval chain, the reports of the units below, history' })
  get(@CurrentActor() actor: Actor, @Param('periodId') periodId: string): Promise<ReportingPeriodView> {
    return this.handler.view(actor, periodId);
  }

  @Get(':periodId/report.html')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The printable report in Vietnamese (lang=vi) or English (lang=en)' })
  html(@CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Query() q: ReportLanguageQuery): Promise<string> {
    return this.handler.html(actor, periodId, q.lang ?? 'vi');
  }
}
