/**
 * Annual reporting period of one unit for one plan — stream `reporting-period-<periodId>`.
 *
 * A period covers the facts that occurred from the day after the previous year's deadline up to
 * this year's deadline (for 10/11: 11/11/Y-1 … 10/11/Y, Vietnam calendar days); its report is due
 * on the deadline. (none) → open → submitted (locked) → approved, or → returned (reason, unlocked)
 * → resubmitted (locked again) → approved.
 *
 * LATE EVENTS: a fact of the period recorded after the report was submitted (while it is locked)
 * is late: it counts in the NEXT period, unless the province granted an exception for it on this
 * period (GrantLateEventException), in which case it counts here. While a report is returned the
 * period is open again and such facts count here. See assignToPeriod / countsInPeriod.
 *
 * Who may act: the unit itself submits; a unit above it approves or returns; only a province the
 * unit lies within grants exceptions. With an approval chain (the plan's reporting.approvalChain,
 * resolved to units when the period opens), the report climbs level by level: each approver in turn
 * endorses it (ReportEndorsed) until the last approves it (ReportApproved); any level whose turn it
 * is may return it with a reason, which sends it back down to the reporting unit (approvals reset). (Roles are checked by libs/auth; units are checked here.)
 */
import { Decider, DomainEvent, DomainRuleViolation, NotFound, Conflict } from '@nangsuat/event-sourcing';
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { addDays, dayOfYear, formatDate, IsoDate, nfc, parseDate, toVietnamDate, tryParseDate } from '@nangsuat/vietnamese';
import type { ProgressStatus } from './progress';
import type { PlanStatus } from './plan';
import type { ReportingRules } from './plan-content';
import { chainOf, DayOfYear } from './reporting-chain';

export interface ReportFigure {
  readonly targetId: string;
  readonly actual?: number;
  readonly status: ProgressStatus;
}

export interface ActingUnit {
  readonly userId: string;
  /** The unit the user acts for (from the token). */
  readonly unit: string;
}

/** What opening a period depends on in the plan, as the plan stands when the period is opened. */
export interface ReportingPlanSnapshot {
  readonly status: PlanStatus;
  readonly issuingUnit: string;
  readonly issueDate?: IsoDate;
  readonly horizonYears: readonly number[];
  readonly reporting?: ReportingRules;
}

// Commands
export interface OpenReportingPeriod {
  readonly type: 'OpenReportingPeriod';
  readonly periodId: string;
  readonly planId: string;
  readonly unit: string;
  readonly year: number;
  /**
   * The plan the period reports on: given, the decider checks that it is issued, that the unit lies
   * within its unit and the year within its issue year and horizon, and takes the deadline and the
   * approval chain from its reporting rules (`deadline` and `approvers` are then not read).
   */
  readonly plan?: ReportingPlanSnapshot;
  /** The plan's annual deadline (reporting.annualDeadline), when no plan snapshot is given. */
  readonly deadline?: DayOfYear;
  /**
   * Default: the day after the previous year's deadline, or the plan's issue date if later (the
   * first period). dd/mm/yyyy or yyyy-mm-dd.
   */
  readonly periodStart?: string;
  /**
   * The units that approve in turn, lowest first (from the plan's approval chain: a village's report
   * → its commune → its province). Absent or empty: one approval by any unit above.
   */
  readonly approvers?: readonly string[];
}
export interface SubmitReport {
  readonly type: 'SubmitReport';
  readonly periodId: string;
  readonly by: ActingUnit;
  /** ISO instant. */
  readonly submittedAt: string;
  readonly figures: readonly ReportFigure[];
  readonly summary?: string;
  /** Global position of the projection the figures were computed at (for audit replay). */
  readonly position?: number;
}
export interface ApproveReport {
  readonly type: 'ApproveReport';
  readonly periodId: string;
  readonly by: ActingUnit;
  readonly approvedAt: string;
}
export interface ReturnReport {
  readonly type: 'ReturnReport';
  readonly periodId: string;
  readonly by: ActingUnit;
  readonly returnedAt: string;
  readonly reason: string;
}
export interface GrantLateEventException {
  readonly type: 'GrantLateEventException';
  readonly periodId: string;
  readonly by: ActingUnit;
  readonly grantedAt: string;
  readonly reason: string;
  readonly eventIds: readonly string[];
  /**
   * The facts late for this period when the exception is asked for (from the progress read model):
   * given, an exception may name only these (or facts it already covers).
   */
  readonly lateEventIds?: readonly string[];
}
export type ReportingPeriodCommand = OpenReportingPeriod | SubmitReport | ApproveReport | ReturnReport | GrantLateEventException;

// Events (schemaVersion 1)
export type ReportingPeriodOpened = DomainEvent<
  'ReportingPeriodOpened',
  {
    readonly periodId: string;
    readonly planId: string;
    readonly unit: string;
    readonly year: number;
    readonly periodStart: IsoDate;
    readonly periodEnd: IsoDate;
    readonly dueDate: IsoDate;
    readonly approvers?: readonly string[];
  }
>;
interface SubmissionData {
  readonly periodId: string;
  readonly submission: number;
  readonly submittedBy: string;
  readonly submittedAt: string;
  /** Submitted after the due date. */
  readonly late: boolean;
  readonly figures: readonly ReportFigure[];
  readonly summary?: string;
  readonly position?: number;
}
export type ReportSubmitted = DomainEvent<'ReportSubmitted', SubmissionData>;
export type ReportResubmitted = DomainEvent<'ReportResubmitted', SubmissionData>;
export type ReportApproved = DomainEvent<'ReportApproved', { readonly periodId: string; readonly approvedBy: string; readonly approverUnit: string; readonly approvedAt: string; readonly step?: number }>;
/** One level of the approval chain approved; the report climbs to the next level. */
export type ReportEndorsed = DomainEvent<
  'ReportEndorsed',
  { readonly periodId: string; readonly step: number; readonly approvedBy: string; readonly approverUnit: string; readonly approvedAt: string; readonly nextApprover: string }
>;
export type ReportReturned = DomainEvent<
  'ReportReturned',
  { readonly periodId: string; readonly returnedBy: string; readonly returnerUnit: string; readonly returnedAt: string; readonly reason: string; readonly step?: number }
>;
export type LateEventsExceptionGranted = DomainEvent<
  'LateEventsExceptionGranted',
  { readonly periodId: string; readonly grantedBy: string; readonly grantorUnit: string; readonly grantedAt: string; readonly reason: string; readonly eventIds: readonly string[] }
>;
export type ReportingPeriodEvent = ReportingPeriodOpened | ReportSubmitted | ReportResubmitted | ReportEndorsed | ReportApproved | ReportReturned | LateEventsExceptionGranted;

// State
export type ReportingStatus = 'none' | 'open' | 'submitted' | 'returned' | 'approved';

export interface ReportingPeriodState {
  readonly status: ReportingStatus;
  readonly periodId?: string;
  readonly planId?: string;
  readonly unit?: string;
  readonly year?: number;
  readonly periodStart?: IsoDate;
  readonly periodEnd?: IsoDate;
  readonly dueDate?: IsoDate;
  /** Instant of the lock in force (submitted/approved); undefined while open or returned. */
  readonly lockedAt?: string;
  readonly submissions: readonly SubmissionData[];
  readonly returns: readonly { readonly reason: string; readonly returnedAt: string; readonly returnedBy: string }[];
  readonly exceptionEventIds: readonly string[];
  readonly approvedAt?: string;
  /** The approval chain above the unit, lowest first (empty: one approval by any unit above). */
  readonly approvers: readonly string[];
  /** Levels that approved the current submission, in order. */
  readonly approvals: readonly { readonly unit: string; readonly by: string; readonly at: string }[];
  /** Who returned it, at which level (the latest return first in `returns`' last entry). */
  readonly returnedAtLevel?: string;
}

export const REPORTING_PERIOD_STREAM_PREFIX = 'reporting-period-';
export const reportingPeriodStreamId = (periodId: string): string => `${REPORTING_PERIOD_STREAM_PREFIX}${periodId}`;
/** Conventional id: one period per plan, unit and year. */
export const reportingPeriodId = (planId: string, unit: string, year: number): string => `${planId}:${unit}:${year}`;

export const initialReportingPeriodState = (): ReportingPeriodState => ({ status: 'none', submissions: [], returns: [], exceptionEventIds: [], approvers: [], approvals: [] });

const ev = <E extends ReportingPeriodEvent>(type: E['type'], data: E['data']): E => ({ type, schemaVersion: 1, data }) as E;

function instantOf(value: unknown, what: string): string {
  const d = new Date(String(value ?? ''));
  if (typeof value !== 'string' || Number.isNaN(d.getTime())) throw new DomainRuleViolation(`${what} must be a date and time (ISO 8601), got "${String(value)}".`);
  return value;
}

export function createReportingPeriodDecider(units: UnitTree = administrativeUnits): Decider<ReportingPeriodCommand, ReportingPeriodEvent, ReportingPeriodState> {
  const name = (s: ReportingPeriodState) => `The ${s.year} report of ${units.has(s.unit!) ? units.displayName(s.unit!) : s.unit}`;

  const requireAbove = (s: ReportingPeriodState, by: ActingUnit, action: string) => {
    if (!units.has(by.unit) || by.unit === s.unit || !units.isWithin(s.unit!, by.unit)) {
      throw new DomainRuleViolation(`${name(s)} can only be ${action} by a unit above ${s.unit} (not ${by.unit}).`, 'wrong-unit');
    }
    const approvers = s.approvers ?? [];
    if (approvers.length === 0) return;
    // The approval chain: the level whose turn it is (or, through the lineage, the unit it merged into), not a later one.
    const step = (s.approvals ?? []).length;
    const next = approvers[step];
    const later = approvers.slice(step + 1);
    if (!units.isWithin(next, by.unit) || later.some((u) => units.isWithin(u, by.unit))) {
      const done = (s.approvals ?? []).map((a) => units.has(a.unit) ? units.displayName(a.unit) : a.unit);
      throw new DomainRuleViolation(
        `${name(s)} climbs ${[s.unit!, ...approvers].join(' → ')}; it is now with ${units.has(next) ? units.displayName(next) : next} (${next})${done.length ? `, approved so far by ${done.join(', ')}` : ''}, so it cannot be ${action} by ${by.unit}.`,
        'not-your-turn',
        { next },
      );
    }
  };

  /**
   * A period opens on an issued plan, for a unit within the plan's unit and a year between the plan's
   * issue and its horizon; the unit's place in the plan's approval chain gives its deadline and
   * approvers, and the period starts the day after last year's deadline (not before the plan's issue).
   */
  const openingFromPlan = (c: OpenReportingPeriod, plan: ReportingPlanSnapshot): { deadline: DayOfYear; approvers: string[]; periodStart: IsoDate } => {
    const problems: string[] = [];
    if (plan.status === 'draft' || !plan.issueDate) problems.push('the plan is still a draft; issue it first');
    if (!units.isWithin(c.unit, plan.issuingUnit)) problems.push(`${c.unit} is not within the plan's unit ${plan.issuingUnit}`);
    const issueYear = plan.issueDate ? Number(plan.issueDate.slice(0, 4)) : undefined;
    const lastYear = Math.max(...plan.horizonYears);
    if (issueYear !== undefined && (c.year < issueYear || c.year > lastYear)) problems.push(`the year must lie between ${issueYear} (issue) and ${lastYear} (horizon), not ${c.year}`);
    let periodStart: IsoDate | undefined;
    if (c.periodStart) {
      periodStart = tryParseDate(c.periodStart);
      if (!periodStart) problems.push(`periodStart "${c.periodStart}" is not a date; write dd/mm/yyyy`);
    }
    if (problems.length) throw new DomainRuleViolation(`The reporting period cannot be opened: ${problems.join('; ')}.`, 'invalid-period', { problems });
    const issueDate = plan.issueDate!;
    const { approvers, deadline } = chainOf(plan.reporting, c.unit, units);
    if (!periodStart) {
      const afterLast = addDays(dayOfYear(c.year - 1, deadline.month, deadline.day), 1);
      periodStart = issueDate > afterLast ? issueDate : afterLast;
    }
    if (periodStart < issueDate) {
      throw new DomainRuleViolation(`The period cannot start (${formatDate(periodStart)}) before the plan was issued (${formatDate(issueDate)}).`, 'invalid-period');
    }
    return { deadline, approvers, periodStart };
  };

  const decide = (c: ReportingPeriodCommand, s: ReportingPeriodState): ReportingPeriodEvent[] => {
    if (c.type === 'OpenReportingPeriod') {
      const fromPlan = c.plan ? openingFromPlan(c, c.plan) : undefined;
      if (s.status !== 'none') throw new Conflict(`Reporting period ${c.periodId} is already open.`, 'period-exists');
      if (!units.has(c.unit)) throw new DomainRuleViolation(`Unknown administrative unit "${c.unit}".`);
      if (!Number.isInteger(c.year) || c.year < 1990 || c.year > 2100) throw new DomainRuleViolation(`The reporting year must be a year such as 2025 (got ${c.year}).`);
      const deadline = fromPlan?.deadline ?? c.deadline;
      if (!deadline) throw new DomainRuleViolation('Opening a reporting period needs its deadline, or the plan it reports on.');
      let dueDate: IsoDate;
      try {
        dueDate = dayOfYear(c.year, deadline.month, deadline.day);
      } catch {
        throw new DomainRuleViolation(`The deadline ${deadline.day}/${deadline.month} does not exist in ${c.year}.`);
      }
      let periodStart: IsoDate;
      const start = fromPlan?.periodStart ?? c.periodStart;
      try {
        periodStart = start ? parseDate(start) : addDays(dayOfYear(c.year - 1, deadline.month, deadline.day), 1);
      } catch (e) {
        throw new DomainRuleViolation(`Start of the period: ${(e as Error).message}`);
      }
      if (periodStart > dueDate) throw new DomainRuleViolation(`The period cannot start (${formatDate(periodStart)}) after its deadline (${formatDate(dueDate)}).`);
      const approvers = [...((fromPlan ? fromPlan.approvers : c.approvers) ?? [])];
      approvers.forEach((a, i) => {
        const below = i === 0 ? c.unit : approvers[i - 1];
        if (!units.has(a) || a === below || !units.isWithin(below, a)) throw new DomainRuleViolation(`The approval chain ${[c.unit, ...approvers].join(' → ')} must climb the unit tree: ${a} is not above ${below}.`, 'invalid-chain');
      });
      return [
        ev<ReportingPeriodOpened>('ReportingPeriodOpened', {
          periodId: c.periodId,
          planId: c.planId,
          unit: c.unit,
          year: c.year,
          periodStart,
          periodEnd: dueDate,
          dueDate,
          ...(approvers.length ? { approvers } : {}),
        }),
      ];
    }
    if (s.status === 'none') throw new NotFound(`Reporting period ${c.periodId} does not exist; open it first.`);
    switch (c.type) {
      case 'SubmitReport': {
        if (s.status === 'submitted') throw new DomainRuleViolation(`${name(s)} is already submitted and locked; wait for approval or return.`, 'period-locked');
        if (s.status === 'approved') throw new DomainRuleViolation(`${name(s)} is approved and locked.`, 'period-locked');
        if (c.by.unit !== s.unit) throw new DomainRuleViolation(`${name(s)} is submitted by ${s.unit} itself, not by ${c.by.unit}.`, 'wrong-unit');
        if (!Array.isArray(c.figures)) throw new DomainRuleViolation('A report carries its figures (one per target).');
        const submittedAt = instantOf(c.submittedAt, 'submittedAt');
        const data: SubmissionData = {
          periodId: s.periodId!,
          submission: s.submissions.length + 1,
          submittedBy: c.by.userId,
          submittedAt,
          late: toVietnamDate(submittedAt) > s.dueDate!,
          figures: c.figures,
          ...(c.summary ? { summary: nfc(c.summary) } : {}),
          ...(c.position !== undefined ? { position: c.position } : {}),
        };
        return [s.status === 'returned' ? ev<ReportResubmitted>('ReportResubmitted', data) : ev<ReportSubmitted>('ReportSubmitted', data)];
      }
      case 'ApproveReport': {
        if (s.status !== 'submitted') throw new DomainRuleViolation(`${name(s)} is ${s.status}; only a submitted report can be approved.`, 'period-not-submitted');
        requireAbove(s, c.by, 'approved');
        const approvedAt = instantOf(c.approvedAt, 'approvedAt');
        const step = (s.approvals ?? []).length + 1;
        if (step < (s.approvers ?? []).length) {
          return [ev<ReportEndorsed>('ReportEndorsed', { periodId: s.periodId!, step, approvedBy: c.by.userId, approverUnit: c.by.unit, approvedAt, nextApprover: s.approvers[step] })];
        }
        return [ev<ReportApproved>('ReportApproved', { periodId: s.periodId!, approvedBy: c.by.userId, approverUnit: c.by.unit, approvedAt, ...((s.approvers ?? []).length ? { step } : {}) })];
      }
      case 'ReturnReport': {
        if (s.status !== 'submitted') throw new DomainRuleViolation(`${name(s)} is ${s.status}; only a submitted report can be returned.`, 'period-not-submitted');
        if (typeof c.reason !== 'string' || !c.reason.trim()) throw new DomainRuleViolation('Returning a report needs the reason, so the unit knows what to correct.');
        requireAbove(s, c.by, 'returned');
        return [
          ev<ReportReturned>('ReportReturned', {
            periodId: s.periodId!,
            returnedBy: c.by.userId,
            returnerUnit: c.by.unit,
            returnedAt: instantOf(c.returnedAt, 'returnedAt'),
            reason: nfc(c.reason.trim()),
            ...((s.approvers ?? []).length ? { step: (s.approvals ?? []).length + 1 } : {}),
          }),
        ];
      }
      case 'GrantLateEventException': {
        if (s.status === 'open') throw new DomainRuleViolation(`${name(s)} is not submitted yet; its facts still count in it without an exception.`);
        if (s.status === 'approved') throw new DomainRuleViolation(`${name(s)} is approved; late facts count in the next period.`, 'period-approved');
        if (c.lateEventIds) {
          const unknown = (c.eventIds ?? []).filter((id) => !c.lateEventIds!.includes(id) && !s.exceptionEventIds.includes(id));
          if (unknown.length) {
            throw new DomainRuleViolation(
              `Not late facts of this period (they happened outside it, were recorded before the lock, or do not count for the plan): ${unknown.join(', ')}.`,
              'not-late',
              { eventIds: unknown },
            );
          }
        }
        if (!units.has(c.by.unit) || units.levelOf(c.by.unit) !== 'province' || !units.isWithin(s.unit!, c.by.unit)) {
          throw new DomainRuleViolation(`Only the province that ${s.unit} belongs to can grant an exception for late facts (not ${c.by.unit}).`, 'wrong-unit');
        }
        if (typeof c.reason !== 'string' || !c.reason.trim()) throw new DomainRuleViolation('An exception needs its reason.');
        const fresh = [...new Set(c.eventIds ?? [])].filter((id) => !s.exceptionEventIds.includes(id));
        if (fresh.length === 0) throw new DomainRuleViolation('Name the late facts (event ids) the exception is for; those given already have one.');
        return [
          ev<LateEventsExceptionGranted>('LateEventsExceptionGranted', {
            periodId: s.periodId!,
            grantedBy: c.by.userId,
            grantorUnit: c.by.unit,
            grantedAt: instantOf(c.grantedAt, 'grantedAt'),
            reason: nfc(c.reason.trim()),
            eventIds: fresh,
          }),
        ];
      }
    }
  };

  return { decide, evolve: evolveReportingPeriod, initialState: initialReportingPeriodState };
}

export function evolveReportingPeriod(s: ReportingPeriodState, e: ReportingPeriodEvent): ReportingPeriodState {
  switch (e.type) {
    case 'ReportingPeriodOpened':
      return { ...s, status: 'open', ...e.data, approvers: e.data.approvers ?? [], approvals: [] };
    case 'ReportSubmitted':
    case 'ReportResubmitted':
      return { ...s, status: 'submitted', lockedAt: e.data.submittedAt, submissions: [...s.submissions, e.data], approvals: [] };
    case 'ReportEndorsed':
      return { ...s, approvals: [...(s.approvals ?? []), { unit: e.data.approverUnit, by: e.data.approvedBy, at: e.data.approvedAt }] };
    case 'ReportApproved':
      return { ...s, status: 'approved', approvedAt: e.data.approvedAt, approvals: [...(s.approvals ?? []), { unit: e.data.approverUnit, by: e.data.approvedBy, at: e.data.approvedAt }] };
    case 'ReportReturned':
      return {
        ...s,
        status: 'returned',
        lockedAt: undefined,
        approvals: [],
        returnedAtLevel: e.data.returnerUnit,
        returns: [...s.returns, { reason: e.data.reason, returnedAt: e.data.returnedAt, returnedBy: e.data.returnedBy }],
      };
    case 'LateEventsExceptionGranted':
      return { ...s, exceptionEventIds: [...s.exceptionEventIds, ...e.data.eventIds] };
    default:
      return s;
  }
}

export const reportingPeriodDecider = createReportingPeriodDecider();

/** A fact as the projection sees it. */
export interface FactTiming {
  readonly eventId: string;
  /** When it happened (ISO instant or date). */
  readonly occurredAt: string;
  /** When the store recorded it (ISO instant). */
  readonly recordedAt: string;
}

/**
 * Where a fact counts with respect to one period: 'this-period', 'next-period' (late: it happened in
 * the period but was recorded after the report was locked, and no exception covers it), or
 * 'outside' (it did not happen in the period).
 */
export function assignToPeriod(period: ReportingPeriodState, fact: FactTiming): 'this-period' | 'next-period' | 'outside' {
  if (period.status === 'none') return 'outside';
  const day = toVietnamDate(fact.occurredAt);
  if (day < period.periodStart! || day > period.periodEnd!) return 'outside';
  if (!period.lockedAt) return 'this-period';
  if (new Date(fact.recordedAt).getTime() <= new Date(period.lockedAt).getTime()) return 'this-period';
  return period.exceptionEventIds.includes(fact.eventId) ? 'this-period' : 'next-period';
}

/** Does a fact count in `period`, given the previous period (whose late facts move here)? */
export function countsInPeriod(period: ReportingPeriodState, fact: FactTiming, previous?: ReportingPeriodState): boolean {
  return assignToPeriod(period, fact) === 'this-period' || (previous !== undefined && assignToPeriod(previous, fact) === 'next-period');
}
