/**
 * The figures of an annual report, from the progress projection. Pure.
 *
 * For a period (plan P, unit U, year Y, periodStart…periodEnd):
 *  - `periodActual`: what counts in this period — facts that happened in it and were recorded
 *    before the report was locked (or are covered by the province's exception), plus the late facts
 *    of the previous period (reporting-period.ts `countsInPeriod`);
 *  - `actual`: the cumulative count from the plan's issue date to the end of the period (what the
 *    target is judged against), leaving out this period's own late facts;
 *  - `status`: the target's status for the plan as a whole at the end of the period (or now, if
 *    earlier); for a unit below the plan's unit `actual` is that unit's share and `planActual` the
 *    plan's total.
 * Reported targets show the latest statistic known at the end of the period.
 */
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { endOfVietnamDay } from '@nangsuat/vietnamese';
import type { ReportedValue, StoredContribution, TargetProgress } from '@nangsuat/contracts/plans';
import { assignToPeriod, computeForPlan, countsInPeriod, PlanForProgress, ReportFigure, ReportingPeriodState } from '@nangsuat/contracts/plans';

export interface PeriodFigure extends ReportFigure {
  readonly indicator: string;
  readonly label: { readonly vi: string; readonly en: string };
  readonly unitOfMeasure: string;
  readonly milestoneYear: number;
  readonly comparison: string;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly required?: number;
  /** The plan's total when the period is a unit below the plan's unit. */
  readonly planActual?: number;
  readonly periodActual?: number;
  readonly source: 'counted' | 'reported';
  readonly reportedSource?: string;
  /** Events behind `periodActual` (counted targets) or the statistic (reported). */
  readonly eventIds: readonly string[];
}

export interface PeriodFiguresResult {
  readonly asOf: string;
  readonly figures: readonly PeriodFigure[];
  /** Facts of this period recorded after its lock, without an exception: they count in the next period. */
  readonly lateEventIds: readonly string[];
  /** Late facts of the previous period that count in this one. */
  readonly carriedInEventIds: readonly string[];
}

const pick = (p: TargetProgress, unit: string, planUnit: string): { actual?: number; ids: readonly string[] } => {
  if (unit === planUnit || p.actual === undefined || p.reported) return { actual: p.actual, ids: p.contributingEventIds };
  const u = p.byUnit.find((x) => x.unit === unit);
  return { actual: u?.actual ?? 0, ids: u?.contributingEventIds ?? [] };
};

export function computePeriodFigures(input: {
  readonly plan: PlanForProgress;
  readonly period: ReportingPeriodState;
  readonly previous?: ReportingPeriodState;
  readonly contributions: readonly StoredContribution[];
  readonly reported: readonly ReportedValue[];
  /** ISO instant: now. */
  readonly now: string;
  readonly units?: UnitTree;
}): PeriodFiguresResult {
  const { plan, period, previous, contributions, reported } = input;
  const units = input.units ?? administrativeUnits;
  const unit = period.unit!;
  const endMs = endOfVietnamDay(period.periodEnd!).getTime();
  const asOf = new Date(Math.min(new Date(input.now).getTime(), endMs)).toISOString();
  const timing = (c: StoredContribution) => ({ eventId: c.eventId, occurredAt: c.occurredAt, recordedAt: c.recordedAt });

  const lateHere = contributions.filter((c) => assignToPeriod(period, timing(c)) === 'next-period');
  const lateIds = new Set(lateHere.map((c) => c.eventId));
  const carriedIn = previous ? contributions.filter((c) => assignToPeriod(previous, timing(c)) === 'next-period') : [];
  const cumulativeFacts = contributions.filter((c) => !lateIds.has(c.eventId));
  const periodFacts = contributions.filter((c) => countsInPeriod(period, timing(c), previous));
  // Late facts carried in from the previous period happened before this period's start; count them up to its end.
  const cumulative = computeForPlan(plan, cumulativeFacts, reported, asOf, units);
  const inPeriod = computeForPlan(plan, periodFacts, reported, asOf, units);

  const figures = plan.targets.map((t, i): PeriodFigure => {
    const all = cumulative[i];
    const mine = pick(all, unit, plan.issuingUnit);
    const period = t.source === 'counted' ? pick(inPeriod[i], unit, plan.issuingUnit) : undefined;
    return {
      targetId: t.id,
      indicator: t.indicator,
      label: { vi: t.label.vi, en: t.label.en ?? t.label.vi },
      unitOfMeasure: t.unit,
      milestoneYear: t.milestoneYear,
      comparison: t.comparison,
      ...(t.value !== undefined ? { value: t.value } : {}),
      ...(t.min !== undefined ? { min: t.min, max: t.max } : {}),
      ...(all.required !== undefined ? { required: all.required } : {}),
      ...(mine.actual !== undefined ? { actual: mine.actual } : {}),
      ...(unit !== plan.issuingUnit && all.actual !== undefined && t.source === 'counted' ? { planActual: all.actual } : {}),
      ...(period ? { periodActual: period.actual ?? 0 } : {}),
      status: all.status,
      source: t.source,
      ...(all.reported ? { reportedSource: all.reported.source } : {}),
      eventIds: period ? period.ids : mine.ids,
    };
  });
  return { asOf, figures, lateEventIds: [...lateIds], carriedInEventIds: carriedIn.map((c) => c.eventId) };
}
