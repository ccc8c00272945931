import { Injectable } from '@nestjs/common';
import { Actor } from '@nangsuat/event-sourcing';
import { Clock } from '@nangsuat/service-runtime';
import { ReportingPeriodView, toPeriodView, toReportDocument } from '../period-view';
import { renderReportHtml, ReportLanguage } from '../report-html';
import { ReportingPeriods } from '../reporting-periods.service';

/** A reporting period for those who may read it: its view with today's figures and the units below, or the printable report. */
@Injectable()
export class GetReportingPeriodHandler {
  constructor(private readonly periods: ReportingPeriods, private readonly clock: Clock) {}

  async view(actor: Actor, periodId: string): Promise<ReportingPeriodView> {
    const loaded = await this.periods.read(actor, periodId);
    const [figures, subReports] = await Promise.all([this.periods.figures(loaded.state), this.periods.subReportsOf(loaded.state)]);
    return toPeriodView(loaded, figures, subReports);
  }

  async html(actor: Actor, periodId: string, lang: ReportLanguage): Promise<string> {
    const loaded = await this.periods.read(actor, periodId);
    const now = this.clock.nowIso();
    return renderReportHtml(toReportDocument(loaded, await this.periods.figures(loaded.state, now), now), lang);
  }
}
