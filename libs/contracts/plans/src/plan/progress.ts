/**
 * Progress of plan targets — pure computation over contributions (facts the other services
 * published) and reported statistics. The plans service's projection feeds it; the rules are
 * documented in docs/domain/plans.md.
 *
 * COUNTING (counted targets — the rules are the catalogue's (indicators/domain/counting.ts); the seeded
 * entries give what follows; cumulative from the plan's issue date to 31/12 of the milestone year,
 * Vietnam time, and never after `asOf`)
 *  - pilot-model-enterprises: distinct enterprises (subjectId) with a registration (refId) approved
 *    and not withdrawn; completions are reported separately (breakdown.completed).
 *  - trained-person-times: training completions, distinct per (person, course): one person on two
 *    courses counts twice, a repeated completion of the same course counts once.
 *  - certified-experts: distinct people holding a certification that is active at the end of the
 *    window (granted, not expired — by event or by validUntil — and not revoked).
 *  - awards: award decisions (refId, else the event), minus revoked ones.
 *  - any other indicator: 'indicator-counted' facts for that indicator, distinct per subjectId,
 *    minus 'indicator-count-withdrawn'.
 * UNITS: a contribution counts for a plan of unit P if its unit was within P when it happened, or
 * if the unit it rolls up to today (lineage: merges, abolished districts) is within P. It appears in
 * byUnit under its own unit and every ancestor — then and now — that lies within P.
 */
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { endOfVietnamDay, IsoDate, parseDate, startOfVietnamDay, toVietnamDate } from '@nangsuat/vietnamese';
import { countFacts, CountResult, feeds } from '../indicators/counting';
import type { FactKind, IndicatorEntry, IndicatorLookup } from '../indicators/indicator';
import type { TallyRow } from '../progress/progress-tally';
import { planSpecificIndicator, seedIndicator } from '../indicators/seed-catalogue';
import { Target, UNITS_OF_MEASURE } from './plan-content';

export type ContributionKind = FactKind;

/** One fact from another service, reduced to what counting needs. */
export interface Contribution {
  readonly eventId: string;
  readonly kind: ContributionKind;
  /** Administrative unit the record belongs to (in force when it was made). */
  readonly unit: string;
  /** ISO instant or date of the fact. */
  readonly occurredAt: string;
  /** What is counted: enterprise, person, club, school… */
  readonly subjectId: string;
  /** The record it concerns: registration, course, certification, award decision. */
  readonly refId?: string;
  /** For indicator-counted / indicator-count-withdrawn. */
  readonly indicator?: string;
  /** Last day a certification is valid. */
  readonly validUntil?: IsoDate;
  /** The figure a fact carries (sum-of-values and latest-value indicators). */
  readonly value?: number;
}

/** A statistic entered for a reported indicator (labour-productivity growth, TFP share). */
export interface ReportedValue {
  readonly eventId: string;
  readonly indicator: string;
  readonly unit: string;
  /** The year the statistic is about. */
  readonly year: number;
  readonly value: number;
  /** For above-national-average targets. */
  readonly nationalAverage?: number;
  /** Where the figure comes from ("Cục Thống kê tỉnh, niên giám 2025"). */
  readonly source: string;
  readonly reportedAt: string;
}

export type ProgressStatus = 'on-track' | 'at-risk' | 'achieved' | 'missed';

export interface UnitProgress {
  readonly unit: string;
  readonly actual: number;
  readonly contributingEventIds: readonly string[];
  /** With tallies: how many facts make up the count (contributingEventIds then lists only the folded ones). */
  readonly contributingEvents?: number;
}

export interface TargetProgress {
  readonly targetId: string;
  readonly indicator: string;
  readonly milestoneYear: number;
  readonly planUnit: string;
  readonly asOf: string;
  /** Counting window (Vietnam calendar dates). */
  readonly window: { readonly from: IsoDate; readonly to: IsoDate };
  /** Undefined for a reported target with no statistic yet. */
  readonly actual?: number;
  /** Smallest value that meets the target (151 for "> 150"); undefined for above-national-average. */
  readonly required?: number;
  readonly status: ProgressStatus;
  /** Why this status, in words. */
  readonly reason: string;
  /** Share of the window elapsed at asOf, 0..1. */
  readonly elapsedShare: number;
  /** Counted targets before the end: the pro-rata share expected by now (required × elapsedShare). */
  readonly expectedByNow?: number;
  /** Range targets: above the top of the range. */
  readonly aboveRange?: boolean;
  readonly breakdown?: { readonly approved: number; readonly completed: number };
  readonly reported?: ReportedValue;
  readonly contributingEventIds: readonly string[];
  /** With tallies: how many facts make up the count (contributingEventIds then lists only the folded ones). */
  readonly contributingEvents?: number;
  readonly byUnit: readonly UnitProgress[];
  /** Contributions left out, with the reason (unknown unit…). */
  readonly ignored: readonly { readonly eventId: string; readonly reason: string }[];
}

export interface PlanRef {
  readonly issuingUnit: string;
  readonly issueDate?: IsoDate;
  /** Start of counting; default: the issue date. */
  readonly countFrom?: IsoDate;
}

export interface ProgressInput {
  readonly target: Target;
  readonly plan: PlanRef;
  readonly contributions?: readonly Contribution[];
  /**
   * Counts of simple facts (progress-tally.ts), added to the fold of `contributions`: whole Vietnam
   * days only; the facts they count must not be in `contributions` too.
   */
  readonly tallies?: readonly TallyRow[];
  readonly reported?: readonly ReportedValue[];
  /** ISO instant or date at which progress is evaluated. */
  readonly asOf: string;
  readonly units?: UnitTree;
  /** The catalogue in force (default: the seeded entries). */
  readonly catalogue?: IndicatorLookup;
}

/** Share of the window after which an unmet target is judged against its pro-rata share. */
export const GRACE_SHARE = 0.25;
/** An unmet counted target is on track when actual ≥ TOLERANCE × required × elapsed share. */
export const TOLERANCE = 0.8;

const instant = (value: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfVietnamDay(value).getTime() : new Date(value).getTime());

/** The smallest value that meets a target. */
export function requiredValue(target: Target): number | undefined {
  const count = UNITS_OF_MEASURE[target.unit]?.count;
  switch (target.comparison) {
    case 'at-least':
      return target.value;
    case 'more-than':
      return count ? (target.value as number) + 1 : target.value;
    case 'range':
      return target.min;
    default:
      return undefined;
  }
}

/** Does an actual value meet the target? */
export function meets(target: Target, actual: number, nationalAverage?: number): boolean {
  switch (target.comparison) {
    case 'at-least':
      return actual >= (target.value as number);
    case 'more-than':
      return actual > (target.value as number);
    case 'range':
      return actual >= (target.min as number);
    case 'above-national-average':
      return nationalAverage !== undefined && actual > nationalAverage;
  }
}

export interface StatusInput {
  readonly met: boolean;
  /** asOf is after the end of the milestone year. */
  readonly periodOver: boolean;
  readonly elapsedShare: number;
  /** Counted: actual and required; reported: whether a milestone-year figure exists. */
  readonly actual?: number;
  readonly required?: number;
  readonly source: 'counted' | 'reported';
  /** Reported: the figure is for the milestone year itself (final), not an earlier year. */
  readonly finalFigure?: boolean;
}

/** The status rules (docs/domain/plans.md), as a table-testable function. */
export function decideStatus(s: StatusInput): { status: ProgressStatus; reason: string } {
  if (s.source === 'counted') {
    if (s.met) return { status: 'achieved', reason: 'The target is met.' };
    if (s.periodOver) return { status: 'missed', reason: 'The milestone year is over and the target was not met.' };
    if (s.elapsedShare < GRACE_SHARE) return { status: 'on-track', reason: 'Too early to judge: less than a quarter of the period has passed.' };
    const expected = (s.required ?? 0) * s.elapsedShare;
    return (s.actual ?? 0) >= TOLERANCE * expected
      ? { status: 'on-track', reason: `At least ${TOLERANCE * 100}% of the share expected by now (${expected.toFixed(1)}).` }
      : { status: 'at-risk', reason: `Below ${TOLERANCE * 100}% of the share expected by now (${expected.toFixed(1)}).` };
  }
  if (s.actual === undefined) {
    if (!s.periodOver && s.elapsedShare < GRACE_SHARE) return { status: 'on-track', reason: 'No statistic reported yet; too early to judge.' };
    return { status: 'at-risk', reason: s.periodOver ? 'The milestone year is over; awaiting its statistic.' : 'No statistic reported yet.' };
  }
  if (s.met) return s.finalFigure ? { status: 'achieved', reason: 'The statistic for the milestone year meets the target.' } : { status: 'on-track', reason: 'The latest statistic (an earlier year) meets the target.' };
  if (s.finalFigure && s.periodOver) return { status: 'missed', reason: 'The statistic for the milestone year does not meet the target.' };
  return { status: 'at-risk', reason: 'The latest statistic does not meet the target.' };
}

/** Applies the counting rule of the target's indicator (the catalogue entry; by default the seeded one) to contributions already inside the window. */
export function countContributions(target: Target, contributions: readonly Contribution[], evaluatedAt: number, entry?: IndicatorEntry): CountResult {
  return countFacts(entry ?? seedIndicator(target.indicator) ?? planSpecificIndicator(target.indicator), contributions, evaluatedAt);
}

/** Progress of one target at `asOf`, for the plan's unit and per unit of its subtree. */
export function computeProgress(input: ProgressInput): TargetProgress {
  const { target, plan } = input;
  const units = input.units ?? administrativeUnits;
  const entry = input.catalogue?.(target.indicator);
  const asOfMs = instant(input.asOf);
  const asOfDate = toVietnamDate(new Date(asOfMs));
  const from = parseDate(plan.countFrom ?? plan.issueDate ?? `${target.milestoneYear}-01-01`);
  const to = `${target.milestoneYear}-12-31`;
  const startMs = startOfVietnamDay(from).getTime();
  const endMs = endOfVietnamDay(to).getTime();
  const evaluatedAt = Math.min(asOfMs, endMs);
  const periodOver = asOfMs > endMs;
  const elapsedShare = endMs <= startMs ? 1 : Math.max(0, Math.min(1, (asOfMs - startMs) / (endMs - startMs)));
  const required = requiredValue(target);
  const base = { targetId: target.id, indicator: target.indicator, milestoneYear: target.milestoneYear, planUnit: plan.issuingUnit, asOf: input.asOf, window: { from, to }, required, elapsedShare };

  if (target.source === 'reported') {
    const values = (input.reported ?? []).filter((v) => v.indicator === target.indicator && instant(v.reportedAt) <= asOfMs && v.year <= target.milestoneYear);
    const own = values.filter((v) => v.unit === plan.issuingUnit);
    const latest = (list: readonly ReportedValue[]) =>
      [...list].sort((a, b) => a.year - b.year || instant(a.reportedAt) - instant(b.reportedAt)).pop();
    const chosen = latest(own);
    const finalFigure = chosen?.year === target.milestoneYear;
    const met = chosen ? meets(target, chosen.value, chosen.nationalAverage) : false;
    const { status, reason } =
      chosen && target.comparison === 'above-national-average' && chosen.nationalAverage === undefined
        ? { status: 'at-risk' as const, reason: 'The national average is not reported with the statistic; it cannot be compared.' }
        : decideStatus({ met, periodOver, elapsedShare, actual: chosen?.value, source: 'reported', finalFigure });
    const byUnit = [...new Set(values.map((v) => v.unit))]
      .filter((u) => units.has(u) && units.isWithin(u, plan.issuingUnit))
      .map((u) => {
        const v = latest(values.filter((x) => x.unit === u)) as ReportedValue;
        return { unit: u, actual: v.value, contributingEventIds: [v.eventId] };
      });
    return {
      ...base,
      actual: chosen?.value,
      status,
      reason,
      reported: chosen,
      aboveRange: chosen && target.comparison === 'range' ? chosen.value > (target.max as number) : undefined,
      contributingEventIds: chosen ? [chosen.eventId] : [],
      byUnit,
      ignored: [],
    };
  }

  const ignored: { eventId: string; reason: string }[] = [];
  const scoped: { c: Contribution; rollsInto: Set<string> }[] = [];
  for (const c of input.contributions ?? []) {
    const at = instant(c.occurredAt);
    if (Number.isNaN(at)) {
      ignored.push({ eventId: c.eventId, reason: `occurredAt "${c.occurredAt}" is not a date` });
      continue;
    }
    if (at < startMs || at > evaluatedAt) continue;
    if (!units.has(c.unit)) {
      ignored.push({ eventId: c.eventId, reason: `unknown administrative unit "${c.unit}"` });
      continue;
    }
    const then = toVietnamDate(new Date(at));
    const now = units.rollUpTarget(c.unit, asOfDate);
    const chain = new Set([c.unit, ...units.ancestors(c.unit, then), now, ...units.ancestors(now, asOfDate)]);
    if (!units.isWithin(c.unit, plan.issuingUnit, then) && !units.isWithin(now, plan.issuingUnit, asOfDate)) continue;
    scoped.push({ c, rollsInto: new Set([...chain].filter((u) => units.isWithin(u, plan.issuingUnit))) });
  }
  const rule = entry ?? seedIndicator(target.indicator) ?? planSpecificIndicator(target.indicator);
  const rows: { row: TallyRow; rollsInto: Set<string> }[] = [];
  for (const row of input.tallies ?? []) {
    if (!feeds(rule, { kind: row.kind, indicator: row.indicator } as Contribution)) continue;
    const dayStart = startOfVietnamDay(row.day).getTime();
    if (dayStart < startMs || dayStart > evaluatedAt) continue;
    if (endOfVietnamDay(row.day).getTime() > evaluatedAt) throw new Error(`The tally of ${row.day} is cut by the evaluation instant ${input.asOf}: its facts must be folded one by one.`);
    if (!units.has(row.unit)) continue; // the mapping stores known units only
    const now = units.rollUpTarget(row.unit, asOfDate);
    if (!units.isWithin(row.unit, plan.issuingUnit, row.day) && !units.isWithin(now, plan.issuingUnit, asOfDate)) continue;
    const chain = new Set([row.unit, ...units.ancestors(row.unit, row.day), now, ...units.ancestors(now, asOfDate)]);
    rows.push({ row, rollsInto: new Set([...chain].filter((u) => units.isWithin(u, plan.issuingUnit))) });
  }
  const withTallies = (folded: CountResult, part: readonly TallyRow[]): CountResult & { events: number } => {
    const n = part.reduce((s, r) => s + r.n, 0);
    if (n === 0) return { ...folded, events: folded.eventIds.length };
    if (rule.counting.rule !== 'distinct-subjects' && rule.counting.rule !== 'sum-of-values') throw new Error(`${rule.code} counts by ${rule.counting.rule}: it cannot be tallied.`);
    const completed = part.filter((r) => (rule.counting.completedKinds ?? []).includes(r.kind)).reduce((s, r) => s + r.n, 0);
    return {
      actual: folded.actual + (rule.counting.rule === 'sum-of-values' ? part.reduce((s, r) => s + r.sum, 0) : n),
      eventIds: folded.eventIds,
      ...(folded.breakdown ? { breakdown: { approved: folded.breakdown.approved + n, completed: folded.breakdown.completed + completed } } : {}),
      events: folded.eventIds.length + n,
    };
  };
  const tallied = input.tallies !== undefined;
  const total = withTallies(countContributions(target, scoped.map((s) => s.c), evaluatedAt, entry), rows.map((r) => r.row));
  const unitCodes = [...new Set([...scoped.flatMap((s) => [...s.rollsInto]), ...rows.flatMap((r) => [...r.rollsInto])])];
  const byUnit = unitCodes
    .map((unit) => {
      const n = withTallies(
        countContributions(target, scoped.filter((s) => s.rollsInto.has(unit)).map((s) => s.c), evaluatedAt, entry),
        rows.filter((r) => r.rollsInto.has(unit)).map((r) => r.row),
      );
      return { unit, actual: n.actual, contributingEventIds: n.eventIds, ...(tallied ? { contributingEvents: n.events } : {}) };
    })
    .filter((u) => u.actual > 0)
    .sort((a, b) => (a.unit === plan.issuingUnit ? -1 : b.unit === plan.issuingUnit ? 1 : a.unit.localeCompare(b.unit)));
  const met = meets(target, total.actual);
  const { status, reason } = decideStatus({ met, periodOver, elapsedShare, actual: total.actual, required, source: 'counted' });
  return {
    ...base,
    actual: total.actual,
    status,
    reason,
    expectedByNow: !met && !periodOver && required !== undefined ? required * elapsedShare : undefined,
    aboveRange: target.comparison === 'range' ? total.actual > (target.max as number) : undefined,
    breakdown: total.breakdown,
    contributingEventIds: total.eventIds,
    ...(tallied ? { contributingEvents: total.events } : {}),
    byUnit,
    ignored,
  };
}

/** Progress of every target of a plan. */
export function computePlanProgress(
  plan: PlanRef & { readonly targets: readonly Target[] },
  facts: { readonly contributions?: readonly Contribution[]; readonly tallies?: readonly TallyRow[]; readonly reported?: readonly ReportedValue[] },
  asOf: string,
  units?: UnitTree,
  catalogue?: IndicatorLookup,
): TargetProgress[] {
  return plan.targets.map((target) => computeProgress({ target, plan, contributions: facts.contributions, tallies: facts.tallies, reported: facts.reported, asOf, units, catalogue }));
}
