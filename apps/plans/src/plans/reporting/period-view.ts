import { administrativeUnits } from '@nangsuat/administrative-units';
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { formatDate, formatDateTime } from '@nangsuat/vietnamese';
import type { PlanForProgress, ReportingPeriodState } from '@nangsuat/contracts/plans';
import type { PeriodFigure, PeriodFiguresResult } from './period-figures';
import type { ReportDocument } from './report-html';
import type { LoadedPeriod } from './reporting-periods.service';

const unitName = (code: string) => (administrativeUnits.has(code) ? administrativeUnits.displayName(code) : code);

export interface SubReport {
  readonly periodId: string;
  readonly unit: string;
  readonly unitName: string;
  readonly status: string;
  readonly dueDate: string;
  readonly approvals: ReportingPeriodState['approvals'];
  readonly submitted?: { readonly submission: number; readonly submittedAt: string; readonly late: boolean; readonly figures: readonly PeriodFigure[] };
  readonly lastReturn?: { readonly reason: string; readonly returnedAt: string; readonly returnedBy: string };
}

export function toSubReport(s: ReportingPeriodState): SubReport {
  const last = s.submissions[s.submissions.length - 1];
  return {
    periodId: s.periodId!,
    unit: s.unit!,
    unitName: unitName(s.unit!),
    status: s.status,
    dueDate: s.dueDate!,
    approvals: s.approvals ?? [],
    ...(last ? { submitted: { submission: last.submission, submittedAt: last.submittedAt, late: last.late, figures: last.figures as readonly PeriodFigure[] } } : {}),
    ...(s.returns.length ? { lastReturn: s.returns[s.returns.length - 1] } : {}),
  };
}

export interface PeriodHistoryEntry {
  readonly type: string;
  readonly recordedAt: string;
  readonly recordedAtDisplay: string;
  readonly actor: { readonly username: string; readonly unit: string };
  readonly reason?: string;
}

export interface ReportingPeriodView {
  readonly periodId: string;
  readonly planId: string;
  readonly plan: { readonly documentNumber?: string; readonly title: string; readonly issuingUnit: string };
  readonly unit: string;
  readonly unitName: string;
  readonly year: number;
  readonly status: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly dueDate: string;
  readonly display: { readonly periodStart: string; readonly periodEnd: string; readonly dueDate: string };
  readonly locked: boolean;
  /** The figures frozen in the latest submission (undefined before the first one). */
  readonly submitted?: {
    readonly submission: number;
    readonly submittedBy: string;
    readonly submittedAt: string;
    readonly late: boolean;
    readonly summary?: string;
    readonly figures: readonly PeriodFigure[];
  };
  readonly approvedAt?: string;
  /** The approval chain: the units that approve in turn, which approved, and whose turn it is. */
  readonly approvalChain: readonly { readonly unit: string; readonly unitName: string; readonly approvedBy?: string; readonly approvedAt?: string }[];
  readonly awaiting?: { readonly unit: string; readonly unitName: string };
  readonly returns: readonly { readonly reason: string; readonly returnedAt: string; readonly returnedBy: string }[];
  /** The reports of the units directly below, for the same plan and year: their status and frozen figures (with the events behind them). */
  readonly subReports?: readonly SubReport[];
  readonly exceptionEventIds: readonly string[];
  /** Figures computed now from the projection (a locked period: late facts left to the next period). */
  readonly current: PeriodFiguresResult;
  readonly history: readonly PeriodHistoryEntry[];
  readonly links: { readonly html: string; readonly htmlEn: string };
}

/** Usernames of who did what, from the events' metadata. */
function whoDid(events: readonly RecordedEvent[], type: string | string[]): RecordedEvent[] {
  const types = Array.isArray(type) ? type : [type];
  return events.filter((e) => types.includes(e.type));
}

export function toPeriodView(loaded: LoadedPeriod, current: PeriodFiguresResult & { plan: PlanForProgress }, subReports?: readonly ReportingPeriodState[]): ReportingPeriodView {
  const s = loaded.state;
  const approvers = s.approvers ?? [];
  const approvals = s.approvals ?? [];
  const next = s.status === 'submitted' ? approvers[approvals.length] : undefined;
  const last = s.submissions[s.submissions.length - 1];
  const submitEvents = whoDid(loaded.events, ['ReportSubmitted', 'ReportResubmitted']);
  const { plan, ...figures } = current;
  return {
    periodId: s.periodId!,
    planId: s.planId!,
    plan: { documentNumber: plan.documentNumber, title: plan.title, issuingUnit: plan.issuingUnit },
    unit: s.unit!,
    unitName: unitName(s.unit!),
    year: s.year!,
    status: s.status,
    periodStart: s.periodStart!,
    periodEnd: s.periodEnd!,
    dueDate: s.dueDate!,
    display: { periodStart: formatDate(s.periodStart!), periodEnd: formatDate(s.periodEnd!), dueDate: formatDate(s.dueDate!) },
    locked: s.lockedAt !== undefined,
    submitted: last
      ? {
          submission: last.submission,
          submittedBy: submitEvents[submitEvents.length - 1]?.metadata.actor.username ?? last.submittedBy,
          submittedAt: last.submittedAt,
          late: last.late,
          summary: last.summary,
          figures: last.figures as readonly PeriodFigure[],
        }
      : undefined,
    approvedAt: s.approvedAt,
    approvalChain: approvers.map((unit, i) => ({ unit, unitName: unitName(unit), ...(approvals[i] ? { approvedBy: approvals[i].by, approvedAt: approvals[i].at } : {}) })),
    ...(next ? { awaiting: { unit: next, unitName: unitName(next) } } : {}),
    returns: s.returns,
    ...(subReports ? { subReports: subReports.map(toSubReport) } : {}),
    exceptionEventIds: s.exceptionEventIds,
    current: figures,
    history: loaded.events.map((e) => ({
      type: e.type,
      recordedAt: e.recordedAt,
      recordedAtDisplay: formatDateTime(e.recordedAt),
      actor: { username: e.metadata.actor.username, unit: e.metadata.actor.unit },
      ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    })),
    links: { html: `/reporting-periods/${s.periodId}/report.html?lang=vi`, htmlEn: `/reporting-periods/${s.periodId}/report.html?lang=en` },
  };
}

/** What the printable report shows: the frozen figures once submitted, else today's (a draft). */
export function toReportDocument(loaded: LoadedPeriod, current: PeriodFiguresResult & { plan: PlanForProgress }, now: string): ReportDocument {
  const s = loaded.state;
  const last = s.submissions[s.submissions.length - 1];
  const ev = (types: string[]) => whoDid(loaded.events, types);
  const submitted = ev(['ReportSubmitted', 'ReportResubmitted']).pop();
  const approved = s.status === 'approved' ? ev(['ReportApproved']).pop() : undefined;
  const frozen = s.status === 'submitted' || s.status === 'approved';
  return {
    periodId: s.periodId!,
    status: s.status as ReportDocument['status'],
    plan: {
      documentNumber: current.plan.documentNumber,
      title: current.plan.title,
      issuingUnitName: unitName(current.plan.issuingUnit),
      issueDate: current.plan.issueDate,
    },
    unitName: unitName(s.unit!),
    year: s.year!,
    periodStart: s.periodStart!,
    periodEnd: s.periodEnd!,
    dueDate: s.dueDate!,
    figures: frozen && last ? (last.figures as readonly PeriodFigure[]) : current.figures,
    frozen,
    generatedAt: now,
    submission: frozen && last ? { number: last.submission, by: submitted?.metadata.actor.username ?? last.submittedBy, at: last.submittedAt, late: last.late, summary: last.summary } : undefined,
    approval: approved
      ? { by: approved.metadata.actor.username, unitName: unitName((approved.data as { approverUnit: string }).approverUnit), at: (approved.data as { approvedAt: string }).approvedAt }
      : undefined,
    returns: ev(['ReportReturned']).map((e) => ({ by: e.metadata.actor.username, at: (e.data as { returnedAt: string }).returnedAt, reason: (e.data as { reason: string }).reason })),
    exceptions: ev(['LateEventsExceptionGranted']).map((e) => {
      const d = e.data as { grantedAt: string; reason: string; eventIds: string[] };
      return { by: e.metadata.actor.username, at: d.grantedAt, reason: d.reason, eventIds: d.eventIds };
    }),
    lateEventIds: current.lateEventIds,
  };
}
