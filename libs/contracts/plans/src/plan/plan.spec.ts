import { Conflict, DomainRuleViolation, fold, NotFound } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import {
  PlanAmended,
  PlanClosed,
  PlanCommand,
  PlanContent,
  PlanContentInput,
  PlanDrafted,
  PlanEvent,
  PlanIssued,
  Target,
  planDecider,
  planVersionAt,
} from './plan';

const spec = deciderSpec(planDecider);
const planId = 'p-4009';

const trained2025: Target = {
  id: 'trained-2025',
  indicator: 'trained-person-times',
  label: { vi: 'Lượt người được đào tạo', en: 'Person-times trained' },
  unit: 'person-times',
  milestoneYear: 2025,
  comparison: 'more-than',
  value: 150,
  source: 'counted',
};
const pilot2030: Target = {
  id: 'pilot-2030',
  indicator: 'pilot-model-enterprises',
  label: { vi: 'Doanh nghiệp có mô hình điểm', en: 'Enterprises with pilot models' },
  unit: 'enterprises',
  milestoneYear: 2030,
  comparison: 'range',
  min: 5,
  max: 10,
  source: 'counted',
};

const input: PlanContentInput = {
  title: 'Kế hoạch tổng thể nâng cao năng suất trên địa bàn tỉnh Ninh Thuận',
  issuingUnit: '58',
  horizonYears: [2025, 2030],
  generalObjectives: ['Đưa năng suất trở thành động lực phát triển quan trọng'],
  targets: [trained2025],
  tasks: [{ section: '1', title: 'Rà soát, hoàn thiện cơ chế, chính sách', lead: 'Sở Khoa học và Công nghệ' }],
  reporting: { annualDeadline: { day: 10, month: 11 }, midTermReviewYear: 2025, finalReviewYear: 2030 },
};

const content = {
  ...input,
  targets: [trained2025],
  funding: [],
  responsibilities: [],
} as PlanContent;

const drafted: PlanDrafted = { type: 'PlanDrafted', schemaVersion: 1, data: { planId, content } };
const issued: PlanIssued = {
  type: 'PlanIssued',
  schemaVersion: 1,
  data: { planId, version: 1, documentNumber: '4009/KH-UBND', issueDate: '2023-09-26', signer: { name: 'Lê Huyền', position: 'Phó Chủ tịch UBND tỉnh' } },
};
const issue: PlanCommand = { type: 'IssuePlan', planId, documentNumber: '4009/KH-UBND', issueDate: '26/9/2023', signer: { name: 'Lê Huyền', position: 'Phó Chủ tịch UBND tỉnh' } };
const amend = (over: Partial<Extract<PlanCommand, { type: 'AmendPlan' }>> = {}): PlanCommand => ({
  type: 'AmendPlan',
  planId,
  reason: 'Bổ sung mục tiêu mô hình điểm đến năm 2030',
  legalBasis: 'Hướng dẫn của Bộ Khoa học và Công nghệ',
  amendmentDocument: '512/KH-UBND',
  effectiveDate: '01/03/2024',
  changes: { targets: [trained2025, pilot2030] },
  ...over,
});
const amended: PlanAmended = {
  type: 'PlanAmended',
  schemaVersion: 1,
  data: {
    planId,
    version: 2,
    reason: 'Bổ sung mục tiêu mô hình điểm đến năm 2030',
    legalBasis: 'Hướng dẫn của Bộ Khoa học và Công nghệ',
    amendmentDocument: '512/KH-UBND',
    effectiveDate: '2024-03-01',
    changes: { targets: [trained2025, pilot2030] },
  },
};
const closed: PlanClosed = { type: 'PlanClosed', schemaVersion: 1, data: { planId, closedOn: '2030-12-31', reason: 'Tổng kết kế hoạch' } };

describe('Plan decider', () => {
  describe('DraftPlan', () => {
    it('drafts a plan with its content, lists defaulted', () => spec.given([]).when({ type: 'DraftPlan', planId, content: input }).then([drafted]));

    it('normalises NFC, dates and document numbers', () => {
      const [e] = spec
        .given([])
        .when({
          type: 'DraftPlan',
          planId,
          content: { ...input, title: input.title.normalize('NFD'), issueDate: '26/9/2023', documentNumber: '4009 / kh-UBND', implementsPlan: '36/QD-TTg' },
        })
        .events() as PlanDrafted[];
      expect(e.data.content).toMatchObject({ title: input.title, issueDate: '2023-09-26', documentNumber: '4009/KH-UBND', implementsPlan: '36/QĐ-TTg' });
    });

    it('refuses an id that exists', () => spec.given([drafted]).when({ type: 'DraftPlan', planId, content: input }).thenThrows(Conflict, /already exists/));

    it('refuses an unknown issuing unit', () =>
      spec.given([]).when({ type: 'DraftPlan', planId, content: { ...input, issuingUnit: '99' } }).thenThrows(DomainRuleViolation, /Unknown issuing unit "99"/));

    it('refuses a plan dated when its unit no longer existed, naming the successor', () =>
      spec
        .given([])
        .when({ type: 'DraftPlan', planId, content: { ...input, issueDate: '01/08/2025' } })
        .thenThrows(DomainRuleViolation, /tỉnh Ninh Thuận \(58\) was not in force on 01\/08\/2025; its territory is now under tỉnh Khánh Hòa \(56\)/));

    it('refuses a document number that is not a plan', () =>
      spec.given([]).when({ type: 'DraftPlan', planId, content: { ...input, documentNumber: '336/SKHCN-TĐC' } }).thenThrows(DomainRuleViolation, /not the number of a plan/));

    it('refuses a malformed document number', () =>
      spec.given([]).when({ type: 'DraftPlan', planId, content: { ...input, documentNumber: '4009-KH' } }).thenThrows(DomainRuleViolation, /e\.g\. 4009\/KH-UBND/));

    it('refuses horizon years out of order', () =>
      spec.given([]).when({ type: 'DraftPlan', planId, content: { ...input, horizonYears: [2030, 2025] } }).thenThrows(DomainRuleViolation, /ascending/));

    it('refuses a plan implementing itself', () =>
      spec
        .given([])
        .when({ type: 'DraftPlan', planId, content: { ...input, documentNumber: '4009/KH-UBND', implementsPlan: '4009/KH-UBND' } })
        .thenThrows(DomainRuleViolation, /cannot implement itself/));

    it('refuses an annual deadline that does not exist every year', () =>
      spec
        .given([])
        .when({ type: 'DraftPlan', planId, content: { ...input, reporting: { annualDeadline: { day: 29, month: 2 } } } })
        .thenThrows(DomainRuleViolation, /29\/2 is not a day that exists every year/));

    it('refuses a mid-term review after the final review', () =>
      spec
        .given([])
        .when({ type: 'DraftPlan', planId, content: { ...input, reporting: { midTermReviewYear: 2030, finalReviewYear: 2025 } } })
        .thenThrows(DomainRuleViolation, /mid-term review \(2030\) comes after the final review/));

    it('refuses task sections that are malformed, repeated, orphaned or point to unknown targets', () => {
      const bad = (tasks: PlanContentInput['tasks'], msg: RegExp) =>
        spec.given([]).when({ type: 'DraftPlan', planId, content: { ...input, tasks } }).thenThrows(DomainRuleViolation, msg);
      bad([{ section: 'II', title: 'x' }], /numbered like "1" or "2.1"/);
      bad([{ section: '1', title: 'x' }, { section: '1', title: 'y' }], /appears twice/);
      bad([{ section: '2.1', title: 'x' }], /no parent section 2/);
      bad([{ section: '1', title: 'x', targetIds: ['nope'] }], /unknown target "nope"/);
      bad([{ section: '1', title: 'x', deadline: '31/02/2025' }], /Deadline of section 1/);
    });

    it('lists every problem in one message', () => {
      const run = () => planDecider.decide({ type: 'DraftPlan', planId, content: { ...input, title: '', horizonYears: [] } }, planDecider.initialState());
      expect(run).toThrow(/needs a title.*horizon years/s);
      try {
        run();
      } catch (e) {
        expect((e as DomainRuleViolation).details?.problems).toHaveLength(2);
      }
    });
  });

  describe('target values', () => {
    const withTarget = (t: Partial<Target>, issueDate?: string): PlanCommand => ({
      type: 'DraftPlan',
      planId,
      content: { ...input, issueDate, targets: [{ ...trained2025, ...t }] },
    });
    it.each<[string, Partial<Target>, RegExp]>([
      ['range min > max', { comparison: 'range', value: undefined, min: 7, max: 5 }, /range 7–5 has its minimum above its maximum; swap them/],
      ['negative value', { value: -3 }, /cannot be negative/],
      ['fractional count', { value: 150.5 }, /whole numbers/],
      ['unknown unit of measure', { unit: 'people' as never }, /unknown unit of measure "people"/],
      ['unit not matching the indicator', { unit: 'enterprises' }, /measured in person-times, not enterprises/],
      ['wrong source for the indicator', { source: 'reported' }, /is counted, not reported/],
      ['unknown comparison', { comparison: 'about' as never }, /unknown comparison "about"/],
      ['range with a value', { comparison: 'range', min: 1, max: 2 }, /takes min and max, not a value/],
      ['at-least with min/max', { comparison: 'at-least', min: 1 }, /takes a value, not min\/max/],
      ['milestone after the horizon', { milestoneYear: 2035 }, /after the plan's horizon \(2030\)/],
      ['bad indicator key', { indicator: 'Trained People' }, /kebab-case/],
      ['missing English label', { label: { vi: 'x', en: '' } }, /Vietnamese and English/],
      ['baseline after milestone', { baseline: { value: 10, year: 2026 } }, /baseline year/],
    ])('refuses %s', (_, t, message) => spec.given([]).when(withTarget(t)).thenThrows(DomainRuleViolation, message));

    it('refuses a milestone before the issue year', () =>
      spec.given([]).when(withTarget({}, '2026-01-05')).thenThrows(DomainRuleViolation, /milestone 2025 is before the year the plan is issued \(2026\)/));

    it('refuses a share above 100%', () =>
      spec
        .given([])
        .when(withTarget({ indicator: 'tfp-contribution', unit: '%', source: 'reported', comparison: 'range', value: undefined, min: 44, max: 145 }))
        .thenThrows(DomainRuleViolation, /cannot exceed 100%/));

    it('refuses above-national-average with a value or from counts', () => {
      spec
        .given([])
        .when(withTarget({ indicator: 'tfp-contribution', unit: '%', source: 'reported', comparison: 'above-national-average', value: 45 }))
        .thenThrows(DomainRuleViolation, /takes no value/);
      spec
        .given([])
        .when(withTarget({ indicator: 'custom-share', unit: '%', source: 'counted', comparison: 'above-national-average', value: undefined }))
        .thenThrows(DomainRuleViolation, /only be met by reported statistics/);
    });

    it('accepts a plan-specific indicator with a known unit', () => {
      const events = spec.given([]).when(withTarget({ id: 'x', indicator: 'ocop-products', unit: 'enterprises', comparison: 'at-least', value: 3 })).events();
      expect(events).toHaveLength(1);
    });

    it('refuses two targets with the same id', () =>
      spec.given([]).when({ type: 'DraftPlan', planId, content: { ...input, targets: [trained2025, trained2025] } }).thenThrows(DomainRuleViolation, /ids must be unique/));
  });

  describe('draft revisions and targets', () => {
    it('revises a draft', () =>
      spec
        .given([drafted])
        .when({ type: 'ReviseDraft', planId, changes: { generalObjectives: ['Mục tiêu mới'] } })
        .then([{ type: 'DraftRevised', schemaVersion: 1, data: { planId, changes: { generalObjectives: ['Mục tiêu mới'] } } }]));
    it('refuses a revision that changes nothing', () =>
      spec.given([drafted]).when({ type: 'ReviseDraft', planId, changes: { title: input.title } }).thenThrows(DomainRuleViolation, /changes nothing/));
    it('refuses to change the issuing unit', () =>
      spec.given([drafted]).when({ type: 'ReviseDraft', planId, changes: { issuingUnit: '56' } as never }).thenThrows(DomainRuleViolation, /issuing unit of a plan cannot change/));
    it('refuses revising a plan that does not exist', () =>
      spec.given([]).when({ type: 'ReviseDraft', planId, changes: { title: 'x' } }).thenThrows(NotFound, /draft it first/));
    it('refuses revising an issued plan, pointing to amendments', () =>
      spec.given([drafted, issued]).when({ type: 'ReviseDraft', planId, changes: { title: 'x' } }).thenThrows(DomainRuleViolation, /4009\/KH-UBND is issued; it changes only by an amendment/));

    it('adds, revises and removes targets in a draft', () => {
      spec.given([drafted]).when({ type: 'AddTarget', planId, target: pilot2030 }).then([{ type: 'TargetAdded', schemaVersion: 1, data: { planId, target: pilot2030 } }]);
      const added = { type: 'TargetAdded' as const, schemaVersion: 1, data: { planId, target: pilot2030 } };
      const revisedTarget = { ...pilot2030, max: 12 };
      spec.given([drafted, added]).when({ type: 'ReviseTarget', planId, target: revisedTarget }).then([{ type: 'TargetRevised', schemaVersion: 1, data: { planId, target: revisedTarget } }]);
      spec.given([drafted, added]).when({ type: 'RemoveTarget', planId, targetId: 'pilot-2030' }).then([{ type: 'TargetRemoved', schemaVersion: 1, data: { planId, targetId: 'pilot-2030' } }]);
      const state = fold(planDecider, [drafted, added, { type: 'TargetRemoved', schemaVersion: 1, data: { planId, targetId: 'pilot-2030' } }] as PlanEvent[]);
      expect(state.content?.targets.map((t) => t.id)).toEqual(['trained-2025']);
    });
    it('refuses a duplicate, unknown or invalid target', () => {
      spec.given([drafted]).when({ type: 'AddTarget', planId, target: trained2025 }).thenThrows(DomainRuleViolation, /already has a target "trained-2025"/);
      spec.given([drafted]).when({ type: 'ReviseTarget', planId, target: pilot2030 }).thenThrows(DomainRuleViolation, /no target "pilot-2030"; add it first/);
      spec.given([drafted]).when({ type: 'RemoveTarget', planId, targetId: 'x' }).thenThrows(DomainRuleViolation, /no target "x"/);
      spec.given([drafted]).when({ type: 'AddTarget', planId, target: { ...pilot2030, min: 10, max: 5 } }).thenThrows(DomainRuleViolation, /swap them/);
    });
    it('refuses removing a target a task refers to', () => {
      const d = { ...drafted, data: { planId, content: { ...content, tasks: [{ section: '1', title: 't', targetIds: ['trained-2025'] }] } } };
      spec.given([d]).when({ type: 'RemoveTarget', planId, targetId: 'trained-2025' }).thenThrows(DomainRuleViolation, /referred to by task section 1/);
    });
    it('refuses target changes after issue', () =>
      spec.given([drafted, issued]).when({ type: 'AddTarget', planId, target: pilot2030 }).thenThrows(DomainRuleViolation, /targets change only by an amendment/));
  });

  describe('IssuePlan', () => {
    it('issues version 1 with number, date and signer', () => spec.given([drafted]).when(issue).then([issued]));
    it('uses number and date already in the draft', () => {
      const d = { ...drafted, data: { planId, content: { ...content, documentNumber: '4009/KH-UBND', issueDate: '2023-09-26' } } };
      spec.given([d]).when({ type: 'IssuePlan', planId }).then([{ ...issued, data: { planId, version: 1, documentNumber: '4009/KH-UBND', issueDate: '2023-09-26' } }]);
    });
    it('refuses issuing twice', () => spec.given([drafted, issued]).when(issue).thenThrows(DomainRuleViolation, /already issued \(version 1\)/));
    it('refuses issuing without number or date', () => spec.given([drafted]).when({ type: 'IssuePlan', planId }).thenThrows(DomainRuleViolation, /document number.*issue date/s));
    it('refuses an issue date after a milestone year', () =>
      spec.given([drafted]).when({ ...issue, issueDate: '05/01/2026' } as PlanCommand).thenThrows(DomainRuleViolation, /milestone 2025 is before the year the plan is issued/));
    it('refuses an impossible issue date', () =>
      spec.given([drafted]).when({ ...issue, issueDate: '31/09/2023' } as PlanCommand).thenThrows(DomainRuleViolation, /has 30 days/));
    it('refuses a plan that does not exist', () => spec.given([]).when(issue).thenThrows(NotFound));
  });

  describe('AmendPlan', () => {
    it('makes a new version with reason and legal basis', () => spec.given([drafted, issued]).when(amend()).then([amended]));
    it('numbers versions after previous amendments', () => {
      const [e] = spec
        .given([drafted, issued, amended])
        .when(amend({ changes: { generalObjectives: ['Mới'] }, effectiveDate: '2024-06-01' }))
        .events() as PlanAmended[];
      expect(e.data.version).toBe(3);
    });
    it('refuses amending a draft', () => spec.given([drafted]).when(amend()).thenThrows(DomainRuleViolation, /still a draft; revise the draft instead/));
    it('refuses an amendment without reason or legal basis', () => {
      spec.given([drafted, issued]).when(amend({ reason: ' ' })).thenThrows(DomainRuleViolation, /needs its reason/);
      spec.given([drafted, issued]).when(amend({ legalBasis: '' })).thenThrows(DomainRuleViolation, /needs its legal basis/);
    });
    it('refuses an amendment that changes nothing', () =>
      spec.given([drafted, issued]).when(amend({ changes: { targets: [trained2025] } })).thenThrows(DomainRuleViolation, /changes nothing/));
    it('refuses changing the number, date or signer of the original', () =>
      spec.given([drafted, issued]).when(amend({ changes: { documentNumber: '5000/KH-UBND' } })).thenThrows(DomainRuleViolation, /cannot change documentNumber/));
    it('refuses an effective date before the current version', () =>
      spec.given([drafted, issued]).when(amend({ effectiveDate: '2023-01-01' })).thenThrows(DomainRuleViolation, /before version 1 \(26\/09\/2023\)/));
    it('refuses invalid values in the amended content', () =>
      spec.given([drafted, issued]).when(amend({ changes: { targets: [{ ...pilot2030, min: 12 }] } })).thenThrows(DomainRuleViolation, /swap them/));
    it('refuses amending a closed plan', () => spec.given([drafted, issued, closed]).when(amend()).thenThrows(DomainRuleViolation, /closed on 31\/12\/2030/));
  });

  describe('ClosePlan', () => {
    const close: PlanCommand = { type: 'ClosePlan', planId, closedOn: '31/12/2030', reason: 'Tổng kết kế hoạch' };
    it('closes an issued or amended plan', () => {
      spec.given([drafted, issued]).when(close).then([closed]);
      spec.given([drafted, issued, amended]).when(close).then([closed]);
    });
    it('refuses closing twice, a draft, or before the current version', () => {
      spec.given([drafted, issued, closed]).when(close).thenThrows(DomainRuleViolation, /already closed on 31\/12\/2030/);
      spec.given([drafted]).when(close).thenThrows(DomainRuleViolation, /never issued/);
      spec.given([drafted, issued, amended]).when({ ...close, closedOn: '2024-01-01' } as PlanCommand).thenThrows(DomainRuleViolation, /before its version 2/);
      spec.given([drafted, issued]).when({ ...close, reason: '' } as PlanCommand).thenThrows(DomainRuleViolation, /needs a reason/);
    });
    it('refuses issuing a closed plan', () => spec.given([drafted, issued, closed]).when(issue).thenThrows(DomainRuleViolation, /closed/));
  });

  describe('state and versions', () => {
    it('keeps every version for auditors and answers what the plan said on a date', () => {
      const state = fold(planDecider, [drafted, issued, amended, closed] as PlanEvent[]);
      expect(state.status).toBe('closed');
      expect(state.version).toBe(2);
      expect(state.versions.map((v) => [v.version, v.effectiveDate, v.reason])).toEqual([
        [1, '2023-09-26', undefined],
        [2, '2024-03-01', 'Bổ sung mục tiêu mô hình điểm đến năm 2030'],
      ]);
      expect(planVersionAt(state, '2023-09-25')).toBeUndefined();
      expect(planVersionAt(state, '15/12/2023')?.content.targets).toHaveLength(1);
      expect(planVersionAt(state, '2024-03-01')?.content.targets).toHaveLength(2);
      expect(state.content).toMatchObject({ documentNumber: '4009/KH-UBND', issueDate: '2023-09-26', signer: { name: 'Lê Huyền' } });
    });
    it('reports amended status after an amendment', () => {
      expect(fold(planDecider, [drafted, issued, amended] as PlanEvent[]).status).toBe('amended');
    });
  });
});
