/**
 * Which contributions a plan's targets see, and the progress view the API returns. Pure.
 *
 * MATCHING (docs/domain/plans.md, "Contributions and matching"): a contribution counts for a target
 * of plan P when
 *  1. its indicator is the target's (trained-person-times ← TraineeCompleted …), and
 *  2. it happened in the target's window (P's issue date → 31/12 of the milestone year, never after
 *     asOf), and
 *  3. either (unit rule) its unit lies within P's issuing unit — on the day it happened, or through
 *     the lineage today (a 2024 fact of Kon Tum counts for a Quảng Ngãi plan) — or (document rule)
 *     it names P's document number and the unit running the programme or course lies within P:
 *     it is then attributed to that unit. Document numbers alone are not unique across provinces,
 *     so a fact naming a plan from outside the plan's territory is not counted for it.
 * The unit rule and the document rule add up; a fact is never counted twice for one plan.
 */
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { formatDate, formatNumber, IsoDate } from '@nangsuat/vietnamese';
import { computePlanProgress, Contribution, ReportedValue, TargetProgress } from '../plan/progress';
import type { Target } from '../plan/plan-content';
import type { IndicatorLookup } from '../indicators/indicator';
import type { StoredContribution } from './contribution-mapping';
import type { TallyRow } from './progress-tally';

export interface PlanForProgress {
  readonly planId: string;
  readonly status: string;
  readonly version: number;
  readonly documentNumber?: string;
  readonly title: string;
  readonly issuingUnit: string;
  readonly issueDate?: IsoDate;
  readonly targets: readonly Target[];
  readonly implementsPlan?: string;
  /** The indicator catalogue in force (progress.service loads it; default: the seeded entries). */
  readonly catalogue?: IndicatorLookup;
}

/** Units whose facts may count for a plan of `unit` (its subtree, former units through the lineage included). */
export function candidateUnits(unit: string, units: UnitTree = administrativeUnits): string[] {
  return units.all().map((u) => u.code).filter((code) => units.isWithin(code, unit));
}

/** Applies the document rule: a fact naming the plan, made outside it but organised from within, is attributed to its organiser. */
export function attributeToPlan(plan: Pick<PlanForProgress, 'documentNumber' | 'issuingUnit'>, contributions: readonly StoredContribution[], units: UnitTree = administrativeUnits): Contribution[] {
  return contributions.map((c) => {
    if (units.isWithin(c.unit, plan.issuingUnit)) return c;
    if (plan.documentNumber && c.planDocumentNumber === plan.documentNumber && c.originUnit && units.isWithin(c.originUnit, plan.issuingUnit)) {
      return { ...c, unit: c.originUnit };
    }
    return c; // outside the plan: computeProgress leaves it out
  });
}

export function computeForPlan(
  plan: PlanForProgress,
  contributions: readonly StoredContribution[],
  reported: readonly ReportedValue[],
  asOf: string,
  units: UnitTree = administrativeUnits,
  /** Counts of the simple facts not in `contributions` (progress-tally.ts); none: every fact is in `contributions`. */
  tallies?: readonly TallyRow[],
): TargetProgress[] {
  return computePlanProgress(
    { issuingUnit: plan.issuingUnit, issueDate: plan.issueDate, targets: plan.targets },
    { contributions: attributeToPlan(plan, contributions, units), tallies, reported },
    asOf,
    units,
    plan.catalogue,
  );
}

export interface UnitProgressView {
  readonly unit: string;
  readonly unitName: string;
  readonly level: string;
  readonly actual: number;
  /** How many facts make up the figure. */
  readonly contributingEvents: number;
  /** Every one of them — when the answer lists them (at most a few hundred in the whole answer); else page them through links.contributions (?unit=). */
  readonly contributingEventIds?: readonly string[];
}

export interface TargetProgressView {
  readonly targetId: string;
  readonly indicator: string;
  readonly label: Target['label'];
  readonly unitOfMeasure: string;
  readonly source: Target['source'];
  readonly milestoneYear: number;
  readonly comparison: Target['comparison'];
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly required?: number;
  readonly actual?: number;
  readonly actualDisplay?: string;
  readonly status: TargetProgress['status'];
  readonly reason: string;
  readonly window: { readonly from: IsoDate; readonly to: IsoDate; readonly display: string };
  readonly elapsedShare: number;
  readonly expectedByNow?: number;
  readonly aboveRange?: boolean;
  readonly breakdown?: TargetProgress['breakdown'];
  readonly reported?: ReportedValue;
  /** Per unit, rolled up the tree: the plan's unit first, then the units within it. */
  readonly byUnit: readonly UnitProgressView[];
  /** How many facts make up the figure. */
  readonly contributingEvents: number;
  /** Every one of them — when the answer lists them (at most a few hundred in the whole answer); else page them through links.contributions. */
  readonly contributingEventIds?: readonly string[];
  readonly ignored: TargetProgress['ignored'];
  readonly links: { readonly contributions: string };
}

/**
 * The API's view of a target's progress. `trail: 'paged'` (progress from tallies, many facts): the
 * contributing event ids are left out and only their number given — the count trail is paged.
 */
export function toTargetView(plan: PlanForProgress, target: Target, p: TargetProgress, units: UnitTree = administrativeUnits, trail: 'complete' | 'paged' = 'complete'): TargetProgressView {
  const ids = (x: { contributingEventIds: readonly string[] }) => (trail === 'complete' ? { contributingEventIds: x.contributingEventIds } : {});
  return {
    targetId: target.id,
    indicator: target.indicator,
    label: target.label,
    unitOfMeasure: target.unit,
    source: target.source,
    milestoneYear: target.milestoneYear,
    comparison: target.comparison,
    ...(target.value !== undefined ? { value: target.value } : {}),
    ...(target.min !== undefined ? { min: target.min, max: target.max } : {}),
    required: p.required,
    actual: p.actual,
    actualDisplay: p.actual === undefined ? undefined : formatNumber(p.actual),
    status: p.status,
    reason: p.reason,
    window: { ...p.window, display: `${formatDate(p.window.from)} – ${formatDate(p.window.to)}` },
    elapsedShare: Math.round(p.elapsedShare * 1000) / 1000,
    expectedByNow: p.expectedByNow === undefined ? undefined : Math.round(p.expectedByNow * 100) / 100,
    aboveRange: p.aboveRange,
    breakdown: p.breakdown,
    reported: p.reported,
    byUnit: p.byUnit.map((u) => ({
      unit: u.unit,
      unitName: units.has(u.unit) ? units.displayName(u.unit) : u.unit,
      level: units.has(u.unit) ? units.levelOf(u.unit) : 'unknown',
      actual: u.actual,
      contributingEvents: u.contributingEvents ?? u.contributingEventIds.length,
      ...ids(u),
    })),
    contributingEvents: p.contributingEvents ?? p.contributingEventIds.length,
    ...ids(p),
    ignored: p.ignored,
    links: { contributions: `/plans/${plan.planId}/progress/${encodeURIComponent(target.id)}/contributions` },
  };
}
