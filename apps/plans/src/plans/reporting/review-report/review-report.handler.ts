import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { ReportingPeriodView } from '../period-view';
import { actingUnitOf, ReportingPeriodCommands } from '../reporting-period-commands';
import { ReturnReportDto } from './review-report.dto';

/** A unit above the reporting unit approves a submitted report or returns it with the reason (the decider checks whose turn it is). */
@Injectable()
export class ReviewReportHandler {
  constructor(private readonly commands: ReportingPeriodCommands) {}

  async approve(context: CommandContext, periodId: string): Promise<ReportingPeriodView> {
    const state = await this.commands.loadForWriting(context, periodId);
    return this.commands.run(context, { type: 'ApproveReport', periodId, by: actingUnitOf(context), approvedAt: context.nowIso }, { unit: state.unit! });
  }

  async return(context: CommandContext, periodId: string, dto: ReturnReportDto): Promise<ReportingPeriodView> {
    const state = await this.commands.loadForWriting(context, periodId);
    return this.commands.run(
      context,
      { type: 'ReturnReport', periodId, by: actingUnitOf(context), returnedAt: context.nowIso, reason: dto.reason },
      { unit: state.unit!, reason: dto.reason },
    );
  }
}
