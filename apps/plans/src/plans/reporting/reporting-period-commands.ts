import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { ActingUnit, ReportingPeriodCommand, reportingPeriodDecider, ReportingPeriodState, reportingPeriodStreamId } from '@nangsuat/contracts/plans';
import { ReportingPeriodView, toPeriodView } from './period-view';
import { ReportingPeriods } from './reporting-periods.service';

/**
 * A command on a reporting period, for every reporting use case: decided and appended through the
 * command runner (Idempotency-Key honoured), answered with the period as it now stands and its
 * figures. The list of periods is brought up to date by the runner's read-your-writes.
 */
@Injectable()
export class ReportingPeriodCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ReportingPeriods,
    private readonly access: AccessPolicy,
  ) {}

  /** The period as it stands (404 when it was never opened). */
  async load(periodId: string): Promise<ReportingPeriodState> {
    const { state } = await this.runner.load(reportingPeriodStreamId(periodId), reportingPeriodDecider);
    if (state.status === 'none') throw new NotFound(`Reporting period ${periodId} does not exist.`, { periodId });
    return state;
  }

  /** The period, if the actor may act on its unit (403 otherwise): approving and returning are acts on it too. */
  async loadForWriting(context: CommandContext, periodId: string): Promise<ReportingPeriodState> {
    const state = await this.load(periodId);
    this.access.assertCanWrite(context.actor, state.unit!);
    return state;
  }

  async run(context: CommandContext, command: ReportingPeriodCommand, options: { unit: string; reason?: string }): Promise<ReportingPeriodView> {
    await this.runner.run(reportingPeriodStreamId(command.periodId), reportingPeriodDecider, command, context, options);
    const loaded = await this.periods.load(command.periodId);
    return toPeriodView(loaded, await this.periods.figures(loaded.state, context.nowIso));
  }
}

/** Who acts, as the reporting commands record it. */
export const actingUnitOf = (context: CommandContext): ActingUnit => ({ userId: context.actor.id, unit: context.actor.unit });
