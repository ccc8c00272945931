import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentActor } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { ReportingPeriods } from '../reporting-periods.service';
import { ReportingPeriodView, toPeriodView, toReportDocument } from '../period-view';
import { renderReportHtml, ReportLanguage } from '../report-html';

export class ReportLanguageQuery {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional() @IsIn(['vi', 'en'], { message: 'lang must be vi or en' }) lang?: ReportLanguage;
}

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class GetReportingPeriodController {
  constructor(private readonly periods: ReportingPeriods) {}

  @Get(':periodId')
  @ApiOperation({ summary: 'A reporting period: its frozen report (after submission), today’s figures, late facts, the approval chain, the reports of the units below, history' })
  async get(@CurrentActor() actor: Actor, @Param('periodId') periodId: string): Promise<ReportingPeriodView> {
    const loaded = await this.periods.read(actor, periodId);
    const [figures, subReports] = await Promise.all([this.periods.figures(loaded.state), this.periods.subReportsOf(loaded.state)]);
    return toPeriodView(loaded, figures, subReports);
  }

  @Get(':periodId/report.html')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The printable report in Vietnamese (lang=vi) or English (lang=en)' })
  async html(@CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Query() q: ReportLanguageQuery): Promise<string> {
    const loaded = await this.periods.read(actor, periodId);
    const now = new Date().toISOString();
    return renderReportHtml(toReportDocument(loaded, await this.periods.figures(loaded.state, now), now), q.lang ?? 'vi');
  }
}
