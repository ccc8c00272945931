import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { CommandContext } from '@nangsuat/service-runtime';
import { reportingPeriodId, ReportingPlanSnapshot } from '@nangsuat/contracts/plans';
import { PlanCommands } from '../../plan-commands';
import { ReportingPeriodView } from '../period-view';
import { ReportingPeriodCommands } from '../reporting-period-commands';
import { OpenReportingPeriodDto } from './open-period.dto';

/**
 * Opens a unit's annual period on a plan. The command carries a snapshot of the plan as it stands,
 * and the reporting-period decider decides from it whether the period may open (issued plan, unit
 * within the plan's, year within its horizon), its deadline, approval chain and start.
 */
@Injectable()
export class OpenReportingPeriodHandler {
  constructor(
    private readonly plans: PlanCommands,
    private readonly commands: ReportingPeriodCommands,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, planId: string, dto: OpenReportingPeriodDto): Promise<ReportingPeriodView> {
    const { state } = await this.plans.load(planId);
    const content = state.content!;
    if (!administrativeUnits.has(dto.unit)) throw new DomainRuleViolation(`Unknown administrative unit "${dto.unit}".`, 'unknown-unit');
    this.access.assertCanWrite(context.actor, dto.unit);
    const plan: ReportingPlanSnapshot = {
      status: state.status,
      issuingUnit: content.issuingUnit,
      issueDate: content.issueDate,
      horizonYears: content.horizonYears,
      reporting: content.reporting,
    };
    return this.commands.run(
      context,
      { type: 'OpenReportingPeriod', periodId: reportingPeriodId(planId, dto.unit, dto.year), planId, unit: dto.unit, year: dto.year, plan, periodStart: dto.periodStart },
      { unit: dto.unit },
    );
  }
}
