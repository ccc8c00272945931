import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessPolicy } from '@nangsuat/auth';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { Actor, COMMAND_HANDLER, CommandHandlerPort, DomainRuleViolation, EVENT_STORE, EventStorePort, fold, NotFound, RecordedEvent } from '@nangsuat/event-store';
import { PROJECTIONS, StreamStateProjection } from '@nangsuat/projections';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { createReportingPeriodDecider, PlanForProgress, ReportingPeriodCommand, ReportingPeriodEvent, reportingPeriodId, ReportingPeriodState, reportingPeriodStreamId } from '@nangsuat/contracts/plans';
import { assertCanReadProgress, ProgressService } from '../progress/progress.service';
import { computePeriodFigures, PeriodFiguresResult } from './period-figures';
import { REPORTING_PERIOD_LIST_NAME } from './list-periods/reporting-period-list.projection';

export interface LoadedPeriod {
  readonly state: ReportingPeriodState;
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

/** Runs reporting-period commands and computes their figures from the progress projection. */
@Injectable()
export class ReportingPeriods {
  readonly decider = createReportingPeriodDecider(seedUnitTree);

  constructor(
    @Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    @Inject(PROJECTIONS) private readonly projections: StreamStateProjection<unknown>[],
    private readonly progress: ProgressService,
    private readonly access: AccessPolicy,
  ) {}

  async load(periodId: string): Promise<LoadedPeriod> {
    const events = await this.store.readStream(reportingPeriodStreamId(periodId));
    if (events.length === 0) throw new NotFound(`Reporting period ${periodId} does not exist.`, { periodId });
    const state = fold(this.decider, events as unknown as ReportingPeriodEvent[]);
    return { state, version: events[events.length - 1].streamVersion, events };
  }

  /** Loads a period the actor may read (its unit's officers, those above, auditors; not enterprises). */
  async read(actor: Actor, periodId: string): Promise<LoadedPeriod> {
    const loaded = await this.load(periodId);
    assertCanReadProgress(this.access, actor, loaded.state.unit!);
    return loaded;
  }

  /** The periods of the units directly below, for the same plan and year (those opened). */
  async subReportsOf(state: ReportingPeriodState): Promise<ReportingPeriodState[]> {
    const children = seedUnitTree.children(state.unit!).map((u) => u.code);
    const loaded = await Promise.all(children.map((unit) => this.store.readStream(reportingPeriodStreamId(reportingPeriodId(state.planId!, unit, state.year!)))));
    return loaded.filter((events) => events.length > 0).map((events) => fold(this.decider, events as unknown as ReportingPeriodEvent[]));
  }

  async previousOf(state: ReportingPeriodState): Promise<ReportingPeriodState | undefined> {
    const events = await this.store.readStream(reportingPeriodStreamId(reportingPeriodId(state.planId!, state.unit!, state.year! - 1)));
    return events.length ? fold(this.decider, events as unknown as ReportingPeriodEvent[]) : undefined;
  }

  /** The period's figures from the projection now (a locked period: as the lock leaves them). */
  async figures(state: ReportingPeriodState, now = new Date().toISOString(), plan?: PlanForProgress): Promise<PeriodFiguresResult & { plan: PlanForProgress }> {
    const p = plan ?? (await this.progress.plan(state.planId!));
    const [contributions, reported, previous] = await Promise.all([this.progress.contributionsFor(p), this.progress.reported(p.planId), this.previousOf(state)]);
    return { ...computePeriodFigures({ plan: p, period: state, previous, contributions, reported, now }), plan: p };
  }

  async execute(req: Request, actor: Actor, command: ReportingPeriodCommand, unit: string, reason?: string): Promise<LoadedPeriod> {
    const streamId = reportingPeriodStreamId(command.periodId);
    await this.handler.handle(streamId, this.decider, command, { metadata: eventMetadata(req, actor, unit, reason), commandId: commandIdOf(req) });
    // Read your writes: bring the list document up to date now rather than when the event comes back over Kafka.
    await this.projections.find((p) => p.name === REPORTING_PERIOD_LIST_NAME)?.refresh(streamId);
    return this.load(command.periodId);
  }

  unitKnown(unit: string): void {
    if (!seedUnitTree.has(unit)) throw new DomainRuleViolation(`Unknown administrative unit "${unit}".`, 'unknown-unit');
  }
}
