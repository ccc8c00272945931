import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, EVENT_STORE, EventStorePort, fold, NotFound, RecordedEvent } from '@nangsuat/event-store';
import { Clock } from '@nangsuat/service-runtime';
import { PlanForProgress, reportingPeriodDecider, ReportingPeriodEvent, reportingPeriodId, ReportingPeriodState, reportingPeriodStreamId } from '@nangsuat/contracts/plans';
import { assertCanReadProgress, ProgressService } from '../progress/progress.service';
import { computePeriodFigures, PeriodFiguresResult } from './period-figures';

export interface LoadedPeriod {
  readonly state: ReportingPeriodState;
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

/** Reads reporting periods (state and history) and computes their figures from the progress projection. */
@Injectable()
export class ReportingPeriods {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly progress: ProgressService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async load(periodId: string): Promise<LoadedPeriod> {
    const events = await this.store.readStream(reportingPeriodStreamId(periodId));
    if (events.length === 0) throw new NotFound(`Reporting period ${periodId} does not exist.`, { periodId });
    const state = fold(reportingPeriodDecider, events as unknown as ReportingPeriodEvent[]);
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
    const children = administrativeUnits.children(state.unit!).map((u) => u.code);
    const loaded = await Promise.all(children.map((unit) => this.store.readStream(reportingPeriodStreamId(reportingPeriodId(state.planId!, unit, state.year!)))));
    return loaded.filter((events) => events.length > 0).map((events) => fold(reportingPeriodDecider, events as unknown as ReportingPeriodEvent[]));
  }

  async previousOf(state: ReportingPeriodState): Promise<ReportingPeriodState | undefined> {
    const events = await this.store.readStream(reportingPeriodStreamId(reportingPeriodId(state.planId!, state.unit!, state.year! - 1)));
    return events.length ? fold(reportingPeriodDecider, events as unknown as ReportingPeriodEvent[]) : undefined;
  }

  /** The period's figures from the projection now (a locked period: as the lock leaves them). */
  async figures(state: ReportingPeriodState, now = this.clock.nowIso(), plan?: PlanForProgress): Promise<PeriodFiguresResult & { plan: PlanForProgress }> {
    const p = plan ?? (await this.progress.plan(state.planId!));
    const [contributions, reported, previous] = await Promise.all([this.progress.contributionsFor(p), this.progress.reported(p.planId), this.previousOf(state)]);
    return { ...computePeriodFigures({ plan: p, period: state, previous, contributions, reported, now }), plan: p };
  }
}
