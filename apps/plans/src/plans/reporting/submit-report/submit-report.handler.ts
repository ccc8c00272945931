import { Injectable } from '@nestjs/common';
import { Forbidden } from '@nangsuat/event-sourcing';
import { CommandContext } from '@nangsuat/service-runtime';
import { ReportingPeriodView } from '../period-view';
import { actingUnitOf, ReportingPeriodCommands } from '../reporting-period-commands';
import { ReportingPeriods } from '../reporting-periods.service';
import { SubmitReportDto } from './submit-report.dto';

/** Generates the report from the progress projection and submits it; its figures are frozen in the event. */
@Injectable()
export class SubmitReportHandler {
  constructor(
    private readonly commands: ReportingPeriodCommands,
    private readonly periods: ReportingPeriods,
  ) {}

  async handle(context: CommandContext, periodId: string, dto: SubmitReportDto): Promise<ReportingPeriodView> {
    const state = await this.commands.loadForWriting(context, periodId);
    const { actor } = context;
    // Reporting is the unit's own act: units above review it, they do not submit in its place.
    if (actor.unit !== state.unit) {
      throw new Forbidden(
        `The report of ${state.unit} is submitted by ${state.unit}'s own officers, not by ${actor.unit}; units above review it once submitted (approve or return).`,
        { unit: state.unit },
      );
    }
    // The lock takes effect at submittedAt: facts recorded after it are late, whatever the projection has seen.
    const submittedAt = context.nowIso;
    const { figures } = await this.periods.figures({ ...state, status: 'submitted', lockedAt: submittedAt }, submittedAt);
    return this.commands.run(
      context,
      { type: 'SubmitReport', periodId, by: actingUnitOf(context), submittedAt, figures, summary: dto.summary },
      { unit: state.unit! },
    );
  }
}
