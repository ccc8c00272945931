import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { ReportingPeriodView } from '../period-view';
import { actingUnitOf, ReportingPeriodCommands } from '../reporting-period-commands';
import { ReportingPeriods } from '../reporting-periods.service';
import { LateExceptionDto } from './late-exception.dto';

/**
 * The province lets late facts count in a locked period. Which facts are late comes from the progress
 * projection; the command carries them, and the decider refuses an exception for any other.
 */
@Injectable()
export class LateExceptionHandler {
  constructor(
    private readonly commands: ReportingPeriodCommands,
    private readonly periods: ReportingPeriods,
  ) {}

  async handle(context: CommandContext, periodId: string, dto: LateExceptionDto): Promise<ReportingPeriodView> {
    const state = await this.commands.loadForWriting(context, periodId);
    let lateEventIds: readonly string[] | undefined;
    if (state.status === 'submitted' || state.status === 'returned') {
      // A returned report is open again; its late facts are those of the lock it had.
      const locked = state.status === 'returned' ? { ...state, lockedAt: state.submissions[state.submissions.length - 1]?.submittedAt } : state;
      ({ lateEventIds } = await this.periods.figures(locked, context.nowIso));
    }
    return this.commands.run(
      context,
      { type: 'GrantLateEventException', periodId, by: actingUnitOf(context), grantedAt: context.nowIso, reason: dto.reason, eventIds: dto.eventIds, lateEventIds },
      { unit: state.unit!, reason: dto.reason },
    );
  }
}
