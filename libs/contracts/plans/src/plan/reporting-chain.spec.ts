import { DomainRuleViolation, fold } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { chainOf } from './reporting-chain';
import { checkContent, PlanContent } from './plan-content';
import { ReportingPeriodEvent, reportingPeriodDecider, reportingPeriodId } from './reporting-period';

/** Reports up the chain: village → commune → province, each level approves or returns with its reason. */
const spec = deciderSpec(reportingPeriodDecider);
const periodId = reportingPeriodId('qn-138', '51-NGOKBAY-KONRLONG', 2025);
const village = { userId: 'konrlong.officer', unit: '51-NGOKBAY-KONRLONG' };
const commune = { userId: 'ngokbay.officer', unit: '51-NGOKBAY' };
const province = { userId: 'qn.admin', unit: '51' };
const at = '2025-11-01T02:00:00Z';

const open = spec
  .given([])
  .when({ type: 'OpenReportingPeriod', periodId, planId: 'qn-138', unit: '51-NGOKBAY-KONRLONG', year: 2025, deadline: { day: 31, month: 10 }, periodStart: '2025-06-19', approvers: ['51-NGOKBAY', '51'] })
  .events() as ReportingPeriodEvent[];
const submitted = [...open, ...(spec.given(open).when({ type: 'SubmitReport', periodId, by: village, submittedAt: '2025-10-30T02:00:00Z', figures: [] }).events() as ReportingPeriodEvent[])];

describe('reports up the approval chain', () => {
  it('opens a village period with its own deadline and the chain above it', () => {
    expect(open[0]).toMatchObject({ data: { dueDate: '2025-10-31', approvers: ['51-NGOKBAY', '51'] } });
    expect(() => spec.given([]).when({ type: 'OpenReportingPeriod', periodId, planId: 'p', unit: '51-NGOKBAY', year: 2025, deadline: { day: 5, month: 11 }, approvers: ['51-DAKCAM'] }).events()).toThrow(/must climb the unit tree/);
  });

  it('climbs: the commune endorses, then the province approves; nobody skips a level', () => {
    spec.given(submitted).when({ type: 'ApproveReport', periodId, by: province, approvedAt: at }).thenThrows(DomainRuleViolation, /it is now with .*Ngọk Bay.*cannot be approved by 51/);
    const endorsed = spec.given(submitted).when({ type: 'ApproveReport', periodId, by: commune, approvedAt: at }).events() as ReportingPeriodEvent[];
    expect(endorsed).toEqual([{ type: 'ReportEndorsed', schemaVersion: 1, data: { periodId, step: 1, approvedBy: 'ngokbay.officer', approverUnit: '51-NGOKBAY', approvedAt: at, nextApprover: '51' } }]);
    expect(fold(reportingPeriodDecider, [...submitted, ...endorsed]).status).toBe('submitted');
    spec.given([...submitted, ...endorsed]).when({ type: 'ApproveReport', periodId, by: commune, approvedAt: at }).thenThrows(DomainRuleViolation, /approved so far by/);
    const approved = spec.given([...submitted, ...endorsed]).when({ type: 'ApproveReport', periodId, by: province, approvedAt: at }).events() as ReportingPeriodEvent[];
    expect(approved[0]).toMatchObject({ type: 'ReportApproved', data: { approverUnit: '51', step: 2 } });
    const state = fold(reportingPeriodDecider, [...submitted, ...endorsed, ...approved]);
    expect([state.status, state.approvals.map((a) => a.unit)]).toEqual(['approved', ['51-NGOKBAY', '51']]);
  });

  it('a return at the province comes back down to the village with its reason; the climb starts again', () => {
    const endorsed = spec.given(submitted).when({ type: 'ApproveReport', periodId, by: commune, approvedAt: at }).events() as ReportingPeriodEvent[];
    const returned = spec.given([...submitted, ...endorsed]).when({ type: 'ReturnReport', periodId, by: province, returnedAt: at, reason: 'Thiếu số liệu trường học áp dụng 5S' }).events() as ReportingPeriodEvent[];
    expect(returned[0]).toMatchObject({ type: 'ReportReturned', data: { returnerUnit: '51', step: 2, reason: 'Thiếu số liệu trường học áp dụng 5S' } });
    const state = fold(reportingPeriodDecider, [...submitted, ...endorsed, ...returned]);
    expect([state.status, state.approvals, state.returnedAtLevel, state.returns[0].reason]).toEqual(['returned', [], '51', 'Thiếu số liệu trường học áp dụng 5S']);
    const again = spec.given([...submitted, ...endorsed, ...returned]).when({ type: 'SubmitReport', periodId, by: village, submittedAt: at, figures: [] }).events() as ReportingPeriodEvent[];
    expect(again[0].type).toBe('ReportResubmitted');
    spec.given([...submitted, ...endorsed, ...returned, ...again]).when({ type: 'ApproveReport', periodId, by: province, approvedAt: at }).thenThrows(DomainRuleViolation, /now with/);
  });

  it('reads a unit’s chain and deadline from the plan’s reporting rules', () => {
    const rules = { annualDeadline: { day: 10, month: 11 }, approvalChain: ['village', 'commune', 'province'] as const, levelDeadlines: [{ level: 'village' as const, day: 31, month: 10 }, { level: 'commune' as const, day: 5, month: 11 }] };
    expect(chainOf(rules, '51-NGOKBAY-KONRLONG', administrativeUnits)).toEqual({ approvers: ['51-NGOKBAY', '51'], deadline: { day: 31, month: 10 } });
    expect(chainOf(rules, '51-NGOKBAY', administrativeUnits)).toEqual({ approvers: ['51'], deadline: { day: 5, month: 11 } });
    expect(chainOf(rules, '51', administrativeUnits)).toEqual({ approvers: [], deadline: { day: 10, month: 11 } });
    expect(chainOf({ annualDeadline: { day: 10, month: 11 } }, '51-NGOKBAY', administrativeUnits).approvers).toEqual([]);
  });

  it('refuses a chain that does not climb, or a deadline for a level outside it', () => {
    const content = { title: 'x', issuingUnit: '51', horizonYears: [2030], generalObjectives: [], targets: [], tasks: [], funding: [], responsibilities: [] } as unknown as PlanContent;
    const problems = (reporting: PlanContent['reporting']) => checkContent({ ...content, reporting }).list.join(' ');
    expect(problems({ approvalChain: ['province', 'commune'] })).toMatch(/goes upward/);
    expect(problems({ approvalChain: ['village', 'commune'], levelDeadlines: [{ level: 'province', day: 10, month: 11 }] })).toMatch(/not in the approval chain/);
    expect(problems({ approvalChain: ['village', 'commune', 'province'], levelDeadlines: [{ level: 'village', day: 31, month: 10 }] })).toBe('');
  });
});
