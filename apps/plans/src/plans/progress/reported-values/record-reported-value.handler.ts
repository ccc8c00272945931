import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Conflict, NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { formatNumber } from '@nangsuat/vietnamese';
import { reportedValuesDecider, ReportedValueRecorded, reportedValuesStreamId } from '@nangsuat/contracts/plans';
import { PlanCommands } from '../../plan-commands';
import { RecordedReportedValue, RecordReportedValueDto } from './record-reported-value.dto';

/** A statistic for a reported target of a plan, with its source, on the plan's reported-values stream. */
@Injectable()
export class RecordReportedValueHandler {
  constructor(
    private readonly plans: PlanCommands,
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, planId: string, targetId: string, dto: RecordReportedValueDto): Promise<RecordedReportedValue> {
    const { state } = await this.plans.load(planId);
    const content = state.content!;
    const target = content.targets.find((t) => t.id === targetId);
    if (!target) throw new NotFound(`Plan ${content.documentNumber ?? planId} has no target "${targetId}".`, { planId, targetId });
    const unit = dto.unit ?? content.issuingUnit;
    this.access.assertCanWrite(context.actor, unit);
    const result = await this.runner.run(
      reportedValuesStreamId(planId),
      reportedValuesDecider,
      {
        type: 'RecordReportedValue',
        planId,
        planUnit: content.issuingUnit,
        target,
        unit,
        year: dto.year,
        value: dto.value,
        nationalAverage: dto.nationalAverage,
        source: dto.source,
        reportedAt: context.nowIso,
      },
      context,
      { unit, reason: dto.reason ?? `Statistic entered from: ${dto.source}` },
    );
    const recorded = result.events[result.events.length - 1];
    if (!recorded) throw new Conflict('This request (Idempotency-Key) was already processed; the figure was recorded then.', 'duplicate-command');
    const d = recorded.data as ReportedValueRecorded['data'];
    return { eventId: recorded.id, ...d, valueDisplay: formatNumber(d.value), reportedBy: context.actor.username };
  }
}
