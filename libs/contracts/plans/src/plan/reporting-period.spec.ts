import { Conflict, DomainRuleViolation, fold, NotFound } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import {
  assignToPeriod,
  countsInPeriod,
  LateEventsExceptionGranted,
  ReportApproved,
  ReportingPeriodEvent,
  ReportingPeriodOpened,
  ReportResubmitted,
  ReportReturned,
  ReportSubmitted,
  reportingPeriodDecider,
  reportingPeriodId,
} from './reporting-period';

const spec = deciderSpec(reportingPeriodDecider);
const periodId = reportingPeriodId('ngok-bay-2025', '51-NGOKBAY', 2025);
const commune = { userId: 'u-vhxh', unit: '51-NGOKBAY' };
const province = { userId: 'u-skhcn', unit: '51' };
const figures = [{ targetId: 'pilot-model-enterprises-2030', actual: 1, status: 'on-track' as const }];

const opened: ReportingPeriodOpened = {
  type: 'ReportingPeriodOpened',
  schemaVersion: 1,
  data: { periodId, planId: 'ngok-bay-2025', unit: '51-NGOKBAY', year: 2025, periodStart: '2024-11-11', periodEnd: '2025-11-10', dueDate: '2025-11-10' },
};
const submitted: ReportSubmitted = {
  type: 'ReportSubmitted',
  schemaVersion: 1,
  data: { periodId, submission: 1, submittedBy: 'u-vhxh', submittedAt: '2025-11-05T02:00:00Z', late: false, figures },
};
const returned: ReportReturned = {
  type: 'ReportReturned',
  schemaVersion: 1,
  data: { periodId, returnedBy: 'u-skhcn', returnerUnit: '51', returnedAt: '2025-11-12T02:00:00Z', reason: 'Thiếu số liệu thôn Kon Rờ Lòng' },
};
const approved: ReportApproved = { type: 'ReportApproved', schemaVersion: 1, data: { periodId, approvedBy: 'u-skhcn', approverUnit: '51', approvedAt: '2025-11-20T02:00:00Z' } };

describe('Reporting period decider', () => {
  it('opens a period due on the plan deadline, starting the day after last year’s', () =>
    spec.given([]).when({ type: 'OpenReportingPeriod', periodId, planId: 'ngok-bay-2025', unit: '51-NGOKBAY', year: 2025, deadline: { day: 10, month: 11 } }).then([opened]));

  it('lets the first period start at the plan’s issue date', () => {
    const [e] = spec
      .given([])
      .when({ type: 'OpenReportingPeriod', periodId, planId: 'p', unit: '58', year: 2023, deadline: { day: 10, month: 11 }, periodStart: '26/9/2023' })
      .events() as ReportingPeriodOpened[];
    expect(e.data).toMatchObject({ periodStart: '2023-09-26', dueDate: '2023-11-10' });
  });

  it('refuses opening twice, unknown units, impossible deadlines', () => {
    const open = { type: 'OpenReportingPeriod' as const, periodId, planId: 'p', unit: '51-NGOKBAY', year: 2025, deadline: { day: 10, month: 11 } };
    spec.given([opened]).when(open).thenThrows(Conflict, /already open/);
    spec.given([]).when({ ...open, unit: '99' }).thenThrows(DomainRuleViolation, /Unknown administrative unit/);
    spec.given([]).when({ ...open, deadline: { day: 31, month: 11 } }).thenThrows(DomainRuleViolation, /31\/11 does not exist in 2025/);
    spec.given([]).when({ ...open, periodStart: '2025-12-01' }).thenThrows(DomainRuleViolation, /cannot start/);
  });

  describe('submission', () => {
    const submit = { type: 'SubmitReport' as const, periodId, by: commune, submittedAt: '2025-11-05T02:00:00Z', figures };
    it('submits and locks', () => {
      spec.given([opened]).when(submit).then([submitted]);
      expect(fold(reportingPeriodDecider, [opened, submitted]).lockedAt).toBe('2025-11-05T02:00:00Z');
    });
    it('flags a submission after the due date (Vietnam calendar)', () => {
      const [e] = spec.given([opened]).when({ ...submit, submittedAt: '2025-11-10T17:30:00Z' }).events() as ReportSubmitted[];
      expect(e.data.late).toBe(true); // 00:30 on 11/11 in Vietnam
      const [onTime] = spec.given([opened]).when({ ...submit, submittedAt: '2025-11-10T16:30:00Z' }).events() as ReportSubmitted[];
      expect(onTime.data.late).toBe(false);
    });
    it('refuses a second submission while locked, or after approval', () => {
      spec.given([opened, submitted]).when(submit).thenThrows(DomainRuleViolation, /already submitted and locked/);
      spec.given([opened, submitted, approved]).when(submit).thenThrows(DomainRuleViolation, /approved and locked/);
    });
    it('refuses a submission by another unit', () => spec.given([opened]).when({ ...submit, by: province }).thenThrows(DomainRuleViolation, /submitted by 51-NGOKBAY itself/));
    it('refuses a period that was never opened', () => spec.given([]).when(submit).thenThrows(NotFound, /open it first/));
    it('resubmits after a return', () => {
      const [e] = spec.given([opened, submitted, returned]).when({ ...submit, submittedAt: '2025-11-14T02:00:00Z' }).events() as ReportResubmitted[];
      expect(e).toMatchObject({ type: 'ReportResubmitted', data: { submission: 2, late: true } });
    });
  });

  describe('approval and return', () => {
    it('approves a submitted report (by the province)', () =>
      spec.given([opened, submitted]).when({ type: 'ApproveReport', periodId, by: province, approvedAt: '2025-11-20T02:00:00Z' }).then([approved]));
    it('returns a submitted report with a reason', () =>
      spec
        .given([opened, submitted])
        .when({ type: 'ReturnReport', periodId, by: province, returnedAt: '2025-11-12T02:00:00Z', reason: 'Thiếu số liệu thôn Kon Rờ Lòng' })
        .then([returned]));
    it('refuses a return without reason', () =>
      spec.given([opened, submitted]).when({ type: 'ReturnReport', periodId, by: province, returnedAt: '2025-11-12T02:00:00Z', reason: ' ' }).thenThrows(DomainRuleViolation, /needs the reason/));
    it('refuses approval of an open or returned report', () => {
      spec.given([opened]).when({ type: 'ApproveReport', periodId, by: province, approvedAt: '2025-11-20T02:00:00Z' }).thenThrows(DomainRuleViolation, /is open; only a submitted report/);
      spec.given([opened, submitted, returned]).when({ type: 'ApproveReport', periodId, by: province, approvedAt: '2025-11-20T02:00:00Z' }).thenThrows(DomainRuleViolation, /is returned/);
    });
    it('refuses approval by the unit itself or by an unrelated unit', () => {
      spec.given([opened, submitted]).when({ type: 'ApproveReport', periodId, by: commune, approvedAt: '2025-11-20T02:00:00Z' }).thenThrows(DomainRuleViolation, /unit above 51-NGOKBAY/);
      spec.given([opened, submitted]).when({ type: 'ApproveReport', periodId, by: { userId: 'x', unit: '56' }, approvedAt: '2025-11-20T02:00:00Z' }).thenThrows(DomainRuleViolation, /not 56/);
    });
  });

  describe('late facts and exceptions', () => {
    const grant = { type: 'GrantLateEventException' as const, periodId, by: province, grantedAt: '2025-11-15T02:00:00Z', reason: 'Khóa tập huấn kết thúc 08/11, nhập muộn', eventIds: ['late-1'] };
    const granted: LateEventsExceptionGranted = {
      type: 'LateEventsExceptionGranted',
      schemaVersion: 1,
      data: { periodId, grantedBy: 'u-skhcn', grantorUnit: '51', grantedAt: '2025-11-15T02:00:00Z', reason: 'Khóa tập huấn kết thúc 08/11, nhập muộn', eventIds: ['late-1'] },
    };
    it('lets the province grant an exception on a submitted report', () => spec.given([opened, submitted]).when(grant).then([granted]));
    it('refuses exceptions from the commune, a non-province, or on an open or approved period', () => {
      spec.given([opened, submitted]).when({ ...grant, by: commune }).thenThrows(DomainRuleViolation, /Only the province/);
      spec.given([opened, submitted]).when({ ...grant, by: { userId: 'x', unit: '56' } }).thenThrows(DomainRuleViolation, /Only the province/);
      spec.given([opened]).when(grant).thenThrows(DomainRuleViolation, /not submitted yet/);
      spec.given([opened, submitted, approved]).when(grant).thenThrows(DomainRuleViolation, /count in the next period/);
      spec.given([opened, submitted, granted]).when(grant).thenThrows(DomainRuleViolation, /already have one/);
    });

    it('assigns facts: in the period, late (next period), excepted, outside', () => {
      const locked = fold(reportingPeriodDecider, [opened, submitted]);
      const fact = (eventId: string, occurredAt: string, recordedAt: string) => ({ eventId, occurredAt, recordedAt });
      expect(assignToPeriod(locked, fact('a', '2025-10-01T02:00:00Z', '2025-10-01T02:00:00Z'))).toBe('this-period');
      expect(assignToPeriod(locked, fact('late-1', '2025-11-08T02:00:00Z', '2025-11-09T02:00:00Z'))).toBe('next-period');
      expect(assignToPeriod(locked, fact('b', '2025-11-12T02:00:00Z', '2025-11-12T02:00:00Z'))).toBe('outside');
      expect(assignToPeriod(locked, fact('c', '2024-11-10T02:00:00Z', '2024-11-10T02:00:00Z'))).toBe('outside');

      const excepted = fold(reportingPeriodDecider, [opened, submitted, granted]);
      expect(assignToPeriod(excepted, fact('late-1', '2025-11-08T02:00:00Z', '2025-11-09T02:00:00Z'))).toBe('this-period');

      const reopened = fold(reportingPeriodDecider, [opened, submitted, returned] as ReportingPeriodEvent[]);
      expect(assignToPeriod(reopened, fact('late-2', '2025-11-08T02:00:00Z', '2025-11-09T02:00:00Z'))).toBe('this-period');

      const next = fold(reportingPeriodDecider, [{ ...opened, data: { ...opened.data, periodId: 'next', year: 2026, periodStart: '2025-11-11', periodEnd: '2026-11-10', dueDate: '2026-11-10' } }]);
      expect(countsInPeriod(next, fact('late-1', '2025-11-08T02:00:00Z', '2025-11-09T02:00:00Z'), locked)).toBe(true);
      expect(countsInPeriod(next, fact('late-1', '2025-11-08T02:00:00Z', '2025-11-09T02:00:00Z'), excepted)).toBe(false);
      expect(countsInPeriod(next, fact('a', '2025-10-01T02:00:00Z', '2025-10-01T02:00:00Z'), locked)).toBe(false);
    });
  });

  describe('opening on a plan (the command carries the plan as it stands)', () => {
    const plan = { status: 'issued' as const, issuingUnit: '51-NGOKBAY', issueDate: '2025-08-05', horizonYears: [2025, 2030], reporting: { annualDeadline: { day: 10, month: 11 } } };
    const open = { type: 'OpenReportingPeriod' as const, periodId, planId: 'ngok-bay-2025', unit: '51-NGOKBAY', year: 2026, plan };

    it('takes the deadline from the plan and starts the day after last year’s deadline', () => {
      const [e] = spec.given([]).when(open).events() as ReportingPeriodOpened[];
      expect(e.data).toMatchObject({ periodStart: '2025-11-11', periodEnd: '2026-11-10', dueDate: '2026-11-10' });
    });

    it('starts the first period at the plan’s issue date, not before it', () => {
      const [e] = spec.given([]).when({ ...open, year: 2025 }).events() as ReportingPeriodOpened[];
      expect(e.data).toMatchObject({ periodStart: '2025-08-05', dueDate: '2025-11-10' });
      spec.given([]).when({ ...open, year: 2025, periodStart: '01/08/2025' }).thenThrows(DomainRuleViolation, /cannot start \(01\/08\/2025\) before the plan was issued \(05\/08\/2025\)/);
    });

    it('takes the approval chain and the level’s own deadline from the plan', () => {
      const chained = { ...plan, issuingUnit: '51', reporting: { annualDeadline: { day: 10, month: 11 }, approvalChain: ['village', 'commune', 'province'] as const, levelDeadlines: [{ level: 'village' as const, day: 31, month: 10 }] } };
      const [e] = spec.given([]).when({ ...open, unit: '51-NGOKBAY-KONRLONG', plan: chained }).events() as ReportingPeriodOpened[];
      expect(e.data).toMatchObject({ dueDate: '2026-10-31', approvers: ['51-NGOKBAY', '51'] });
    });

    it('refuses a draft plan, a unit outside the plan’s, a year outside its horizon, a start that is not a date — all named at once', () => {
      spec.given([]).when({ ...open, plan: { ...plan, status: 'draft' as const, issueDate: undefined } }).thenThrows(DomainRuleViolation, /cannot be opened: the plan is still a draft; issue it first\./);
      spec.given([]).when({ ...open, unit: '51-DAKCAM', year: 2031, periodStart: 'hôm qua' }).thenThrows(
        DomainRuleViolation,
        /51-DAKCAM is not within the plan's unit 51-NGOKBAY; the year must lie between 2025 \(issue\) and 2030 \(horizon\), not 2031; periodStart "hôm qua" is not a date/,
      );
    });

    it('decides on the plan before saying the period is already open (as the service always answered)', () => {
      spec.given([opened]).when({ ...open, plan: { ...plan, status: 'draft' as const } }).thenThrows(DomainRuleViolation, /still a draft/);
      spec.given([opened]).when({ ...open, year: 2025 }).thenThrows(Conflict, /already open/);
    });
  });

  describe('an exception for late facts, given the facts late for the period', () => {
    const grant = { type: 'GrantLateEventException' as const, periodId, by: province, grantedAt: '2025-11-15T02:00:00Z', reason: 'Nhập muộn', eventIds: ['late-1', 'early-2'] };

    it('names only facts that are late (or already excepted)', () => {
      spec.given([opened, submitted]).when({ ...grant, lateEventIds: ['late-1'] }).thenThrows(DomainRuleViolation, /Not late facts of this period .*: early-2\./);
      const [e] = spec.given([opened, submitted]).when({ ...grant, lateEventIds: ['late-1', 'early-2'] }).events() as LateEventsExceptionGranted[];
      expect(e.data.eventIds).toEqual(['late-1', 'early-2']);
    });

    it('is checked before who grants it (a commune asking for facts that are not late hears about the facts)', () =>
      spec.given([opened, submitted]).when({ ...grant, by: commune, lateEventIds: [] }).thenThrows(DomainRuleViolation, /Not late facts/));
  });
});
