/**
 * The cross-service access table (issue 4): every role × a representative read and write in each
 * service → allowed or denied. The expected answer is derived from two declared facts per probe —
 * the roles the route accepts (its @Roles) and the record's unit/enterprise — combined with the
 * platform's scope rules (decideAccess of libs/auth, whose own rules table is pinned in
 * libs/auth/src/access-policy.spec.ts). Service owners fill in `request` when their route exists;
 * until then the probe is reported as a todo.
 */
import { administrativeUnits } from '@nangsuat/administrative-units';
import { decideAccess, RecordScope, Role } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-store';
import { call, type ServiceName, tokenFor } from './support/platform';

/** One demo user per role, in the seed units (docs/identity.md). */
export const MATRIX_USERS: readonly { username: string; role: Role; unit: string; enterpriseId?: string }[] = [
  { username: 'qn.admin', role: Role.ProvinceAdmin, unit: '51' },
  { username: 'kh.admin', role: Role.ProvinceAdmin, unit: '56' },
  { username: 'qn.department', role: Role.DepartmentOfficer, unit: '51' },
  { username: 'ngokbay.officer', role: Role.CommuneOfficer, unit: '51-NGOKBAY' },
  { username: 'dakcam.officer', role: Role.CommuneOfficer, unit: '51-DAKCAM' },
  { username: 'konrlong.officer', role: Role.VillageOfficer, unit: '51-NGOKBAY-KONRLONG' },
  { username: 'ent.ngokbay', role: Role.Enterprise, unit: '51-NGOKBAY', enterpriseId: 'DN-51-0001' },
  { username: 'ent.phanrang', role: Role.Enterprise, unit: '56-PHANRANG', enterpriseId: 'DN-56-0001' },
  { username: 'qn.trainer', role: Role.Trainer, unit: '51' },
  { username: 'qn.assessor', role: Role.ExpertAssessor, unit: '51' },
  { username: 'qn.council', role: Role.AwardCouncil, unit: '51' },
  { username: 'auditor.vn', role: Role.Auditor, unit: 'VN' },
];

export interface MatrixRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
}

export interface Probe {
  readonly service: ServiceName;
  /** What the request does, in the domain's words. */
  readonly action: string;
  readonly mode: 'read' | 'write';
  /** The record's unit (and enterprise for enterprise-owned records). Ngọk Bay throughout, so cross-unit answers show. */
  readonly record: RecordScope;
  /** Roles the route accepts (@Roles); undefined: any signed-in user (scope still applies). */
  readonly roles?: readonly Role[];
  /** The HTTP request, once the route exists; may depend on fixtures created by `setup`. */
  readonly request?: (fixture: Record<string, string>) => MatrixRequest;
  /** Creates what the probe acts on (as a user allowed to), returning ids for `request`. */
  readonly setup?: () => Promise<Record<string, string>>;
}

const NGOKBAY = { unit: '51-NGOKBAY' };
const OWN_ENTERPRISE = { unit: '51-NGOKBAY', enterpriseId: 'DN-51-0001' };

// Routes are filled in by each service's owner (request/setup); roles are the intended @Roles.
export const PROBES: readonly Probe[] = [
  {
    service: 'plans',
    action: 'read the Ngọk Bay commune plan (a draft: issued plans are public documents)',
    mode: 'read',
    record: NGOKBAY,
    setup: async () => ({ planId: await plans.ngokBayDraft() }),
    request: (f) => ({ method: 'GET', path: `/plans/${f.planId}` }),
  },
  {
    service: 'plans',
    action: 'add a target to the Ngọk Bay draft plan',
    mode: 'write',
    record: NGOKBAY,
    roles: [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer],
    setup: async () => ({ planId: await plans.ngokBayDraft() }),
    // A new target id per request, so that every allowed user's write is a real change.
    request: (f) => ({ method: 'POST', path: `/plans/${f.planId}/targets`, body: plans.target(`matrix-${++plans.targets}`) }),
  },
  {
    service: 'plans',
    action: 'submit the village report of Kon Rờ Lòng',
    mode: 'write',
    record: { unit: '51-NGOKBAY-KONRLONG' },
    // Reporting is the unit's own act: the commune and province review the village's report, they do not submit it.
    roles: [Role.VillageOfficer],
    setup: async () => ({ periodId: await plans.konrlongReportingPeriod() }),
    request: (f) => ({ method: 'POST', path: `/reporting-periods/${encodeURIComponent(f.periodId)}/submit`, body: { summary: 'Thôn đã tổ chức 01 buổi tập huấn 5S.' } }),
  },
  {
    service: 'plans',
    action: 'record an achievement of a Ngọk Bay school (5S applied)',
    mode: 'write',
    record: NGOKBAY,
    roles: [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer, Role.VillageOfficer],
    setup: async () => ({ organisationId: await plans.ngokBaySchool() }),
    // No Idempotency-Key: every allowed user's request records its own achievement (awaiting verification).
    request: (f) => ({
      method: 'POST',
      path: '/achievements',
      body: { indicator: 'schools-5s', organisationId: f.organisationId, achievedOn: '01/09/2025', description: 'Áp dụng 5S tại trường', evidence: 'Biên bản kiểm tra 5S' },
    }),
  },
  {
    service: 'support-programs',
    action: 'read a pilot-model registration of DN-51-0001',
    mode: 'read',
    record: OWN_ENTERPRISE,
    setup: async () => ({ registrationId: await supportPrograms.submittedRegistration() }),
    request: (f) => ({ method: 'GET', path: `/registrations/${f.registrationId}` }),
  },
  {
    service: 'support-programs',
    action: 'register DN-51-0001 for a pilot model',
    mode: 'write',
    record: OWN_ENTERPRISE,
    roles: [Role.Enterprise],
    setup: async () => ({ programmeId: await supportPrograms.ngokBayProgramme(), enterpriseId: await supportPrograms.ngokBayEnterprise() }),
    // Only ent.ngokbay is allowed, so the one registration this probe makes is its first.
    request: (f) => ({ method: 'POST', path: `/programmes/${f.programmeId}/registrations`, body: { tools: ['5s'], enterpriseId: f.enterpriseId } }),
  },
  {
    service: 'support-programs',
    action: 'approve a Ngọk Bay registration',
    mode: 'write',
    record: NGOKBAY,
    roles: [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer],
    setup: async () => ({ registrationId: await supportPrograms.registrationUnderReview() }),
    // The first allowed user approves; approving an approved registration again changes nothing (200).
    request: (f) => ({ method: 'POST', path: `/registrations/${f.registrationId}/approve`, body: {} }),
  },
  {
    service: 'training',
    action: 'read a Ngọk Bay course\'s attendance',
    mode: 'read',
    record: NGOKBAY,
    setup: async () => ({ courseId: await trainingAwards.ngokBayCourse() }),
    request: (f) => ({ method: 'GET', path: `/courses/${f.courseId}` }),
  },
  {
    service: 'training',
    action: 'record attendance of a Ngọk Bay course',
    mode: 'write',
    record: NGOKBAY,
    roles: [Role.Trainer, Role.ProvinceAdmin],
    setup: async () => ({ courseId: await trainingAwards.ngokBayCourse('p-matrix') }),
    // The first allowed user records it; recording the same attendance again changes nothing (200).
    request: (f) => ({ method: 'POST', path: `/courses/${f.courseId}/attendance`, body: { sessionId: 's1', personId: 'p-matrix' } }),
  },
  {
    service: 'training',
    action: 'certify a productivity expert in Quảng Ngãi',
    mode: 'write',
    record: { unit: '51' },
    roles: [Role.ExpertAssessor],
    setup: async () => ({ certificationId: await trainingAwards.assessedCertification() }),
    // Only qn.assessor is allowed, so the one grant this probe makes is the first.
    request: (f) => ({ method: 'POST', path: `/certifications/${f.certificationId}/grant`, body: { certificateNumber: `CGNS-${f.certificationId}` } }),
  },
  {
    service: 'awards',
    action: 'read nominations in Quảng Ngãi',
    mode: 'read',
    record: { unit: '51' },
    request: () => ({ method: 'GET', path: '/nominations?unit=51' }),
  },
  {
    service: 'awards',
    action: 'decide an award in Quảng Ngãi',
    mode: 'write',
    record: { unit: '51' },
    roles: [Role.AwardCouncil],
    setup: async () => ({ nominationId: await trainingAwards.evaluatedNomination() }),
    // Only qn.council is allowed, so the one decision this probe makes is the first.
    request: (f) => ({ method: 'POST', path: `/nominations/${f.nominationId}/decision`, body: { outcome: 'awarded', decisionDocumentNumber: '123/QĐ-UBND' } }),
  },
  {
    service: 'audit',
    action: 'replay the history of the Ngọk Bay plan (the auditor API is for auditors only)',
    mode: 'read',
    record: NGOKBAY,
    roles: [Role.Auditor],
    setup: () => audit.ledgerHolds('plan-ngok-bay-2025'),
    request: () => ({ method: 'GET', path: '/audit/streams/plan-ngok-bay-2025/timeline' }),
  },
  {
    service: 'audit',
    action: 'verify the hash chain of the Ngọk Bay plan in the ledger',
    mode: 'read',
    record: { unit: 'VN' },
    roles: [Role.Auditor],
    setup: () => audit.ledgerHolds('plan-ngok-bay-2025'),
    request: () => ({ method: 'GET', path: '/audit/streams/plan-ngok-bay-2025/verify' }),
  },
];

/** Allowed or not, as the rules say: the route's roles, then the auditor rule, then the scope rule. */
export function expectedAllowed(probe: Probe, user: (typeof MATRIX_USERS)[number]): boolean {
  const actor: Actor = { id: user.username, username: user.username, unit: user.unit, roles: [user.role], ...(user.enterpriseId ? { enterpriseId: user.enterpriseId } : {}) };
  if (probe.roles && !probe.roles.includes(user.role)) return false;
  return decideAccess(administrativeUnits, actor, probe.record, probe.mode).allowed;
}

/**
 * Fixtures of the support-programs probes (and test/support-programs.e2e-spec.ts), made through the
 * API by users allowed to: a programme of Ngọk Bay commune (by the Quảng Ngãi province office), the
 * enterprise of ent.ngokbay (account DN-51-0001, registered once and reused by later runs), and its
 * registrations.
 */
export const supportPrograms = {
  /** Valid tax code (check digit 4) of the demo cooperative of ent.ngokbay. */
  ngokBayTaxCode: '6101000014',

  async expect(status: number, res: { status: number; body: any }, what: string): Promise<any> {
    if (res.status !== status) throw new Error(`support-programs fixture: ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  },

  async ngokBayProgramme(overrides: Record<string, unknown> = {}): Promise<string> {
    const body = {
      name: 'Chương trình hỗ trợ doanh nghiệp xây dựng mô hình điểm về năng suất xã Ngọk Bay',
      legalBasis: ['Kế hoạch 138/KH-UBND ngày 19/6/2025 của UBND tỉnh Quảng Ngãi', 'Văn bản 336/SKHCN-TĐC ngày 22/7/2025'],
      planDocumentNumber: '138/KH-UBND',
      funding: { sources: ['state-budget'] },
      eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
      toolsOffered: ['5s', 'kaizen', 'gap-organic'],
      openingDate: '2025-08-01',
      closingDate: '2030-12-31',
      capacity: 2,
      unitCode: '51-NGOKBAY',
      ...overrides,
    };
    const created = await supportPrograms.expect(201, await call('support-programs', 'POST', '/programmes', { token: await tokenFor('qn.admin'), body }), 'create programme');
    return created.id as string;
  },

  /** The enterprise ent.ngokbay acts for: registered by itself on first use, found through /enterprises/mine afterwards. */
  async ngokBayEnterprise(): Promise<string> {
    const token = await tokenFor('ent.ngokbay');
    const mine = await call('support-programs', 'GET', '/enterprises/mine', { token });
    if (mine.status === 200) return mine.body.id as string;
    const body = {
      taxCode: supportPrograms.ngokBayTaxCode,
      name: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh Ngọk Bay',
      unitCode: '51-NGOKBAY',
      sector: 'Nông nghiệp — dược liệu',
      size: 'small',
      group: 'cooperative',
    };
    const registered = await supportPrograms.expect(201, await call('support-programs', 'POST', '/enterprises', { token, body }), 'register enterprise');
    return registered.id as string;
  },

  async submittedRegistration(): Promise<string> {
    const [programmeId, enterpriseId] = [await supportPrograms.ngokBayProgramme(), await supportPrograms.ngokBayEnterprise()];
    const res = await call('support-programs', 'POST', `/programmes/${programmeId}/registrations`, {
      token: await tokenFor('ent.ngokbay'),
      body: { tools: ['5s', 'kaizen'], enterpriseId, description: 'Áp dụng 5S và Kaizen tại xưởng sơ chế sâm' },
    });
    return (await supportPrograms.expect(201, res, 'submit registration')).id as string;
  },

  async registrationUnderReview(): Promise<string> {
    const id = await supportPrograms.submittedRegistration();
    await supportPrograms.expect(200, await call('support-programs', 'POST', `/registrations/${id}/review`, { token: await tokenFor('ngokbay.officer') }), 'start review');
    return id;
  },
};

/** The audit ledger learns of events over Kafka: wait (bounded) until it holds a stream of the demo data. */
export const audit = {
  async ledgerHolds(streamId: string): Promise<Record<string, string>> {
    const token = await tokenFor('auditor.vn');
    for (let i = 0; i < 150; i++) {
      if ((await call('audit', 'GET', `/audit/streams/${streamId}/timeline`, { token })).status === 200) return { streamId };
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`audit fixture: the ledger never received ${streamId}`);
  },
};

/** Fixtures of the plans probes, made through the API by the Ngọk Bay commune officer. */
export const plans = {
  targets: 0,

  target(id: string) {
    return {
      id,
      indicator: 'trained-person-times',
      label: { vi: 'Lượt người được đào tạo, tập huấn', en: 'Person-times trained' },
      unit: 'person-times',
      milestoneYear: 2030,
      comparison: 'at-least',
      value: 50,
      source: 'counted',
    };
  },

  async ngokBayDraft(): Promise<string> {
    const planId = `matrix-ngokbay-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const res = await call('plans', 'POST', '/plans', {
      token: await tokenFor('ngokbay.officer'),
      body: {
        planId,
        content: {
          title: 'Kế hoạch nâng cao năng suất xã Ngọk Bay (dự thảo)',
          issuingUnit: '51-NGOKBAY',
          horizonYears: [2030],
          generalObjectives: ['Nâng cao năng suất dựa trên khoa học, công nghệ và đổi mới sáng tạo'],
        },
      },
    });
    if (res.status !== 201) throw new Error(`plans fixture: draft answered ${res.status}: ${JSON.stringify(res.body)}`);
    return planId;
  },

  /** A school of Ngọk Bay in the registry of organisations. */
  async ngokBaySchool(): Promise<string> {
    const organisationId = `matrix-school-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const res = await call('plans', 'POST', '/organisations', {
      token: await tokenFor('ngokbay.officer'),
      body: { organisationId, name: 'Trường Tiểu học Ngọk Bay', kind: 'school', unitCode: '51-NGOKBAY' },
    });
    if (res.status !== 201) throw new Error(`plans fixture: registering the school answered ${res.status}: ${JSON.stringify(res.body)}`);
    return organisationId;
  },

  /** An issued Ngọk Bay plan and the open reporting period of its village Kon Rờ Lòng for this year. */
  async konrlongReportingPeriod(): Promise<string> {
    const planId = await plans.ngokBayDraft();
    // Issued at the start of this year (in Vietnam), so this year's period opens before its 10/11 deadline.
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const issued = await call('plans', 'POST', `/plans/${planId}/issue`, {
      token: await tokenFor('ngokbay.officer'),
      body: { documentNumber: `${Math.floor(Math.random() * 9e5) + 1e5}/KH-UBND`, issueDate: `02/01/${year}`, signer: { name: 'Nguyễn Văn A' } },
    });
    if (issued.status >= 300) throw new Error(`plans fixture: issue answered ${issued.status}: ${JSON.stringify(issued.body)}`);
    const opened = await call('plans', 'POST', `/plans/${planId}/reporting-periods`, {
      token: await tokenFor('konrlong.officer'),
      body: { unit: '51-NGOKBAY-KONRLONG', year },
    });
    if (opened.status !== 201) throw new Error(`plans fixture: opening the period answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    return (opened.body as { periodId: string }).periodId;
  },
};

/**
 * Fixtures of the training and awards probes (and test/training.e2e-spec.ts, test/awards.e2e-spec.ts),
 * made through the API by users allowed to. Ids carry a run suffix so reruns against the same platform do not collide.
 */
export const trainingAwards = {
  run: `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`,

  /** Today in Vietnam (yyyy-mm-dd). */
  today(offsetDays = 0): string {
    return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  },

  async as(service: 'training' | 'awards', username: string, method: string, path: string, body: unknown, expected: number): Promise<any> {
    const { call, tokenFor } = await import('./support/platform');
    const res = await call(service, method, path, { token: await tokenFor(username), body });
    if (res.status !== expected) throw new Error(`${service} fixture: ${method} ${path} as ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  },

  /** A Ngọk Bay course running today (session s1 today); with a person id, that person registered. */
  async ngokBayCourse(personId?: string): Promise<string> {
    const courseId = `matrix-course-${trainingAwards.run}-${personId ?? 'plain'}`;
    await trainingAwards.as('training', 'ngokbay.officer', 'POST', '/courses', {
      courseId,
      unitCode: '51-NGOKBAY',
      topic: 'Tập huấn công cụ 5S cho hợp tác xã',
      startDate: trainingAwards.today(),
      endDate: trainingAwards.today(1),
      capacity: 10,
      trainerId: 'ngokbay.trainer',
      sessions: [{ sessionId: 's1', date: trainingAwards.today() }],
    }, 201);
    if (personId) {
      await trainingAwards.as('training', 'ngokbay.officer', 'POST', `/courses/${courseId}/registrations`, {
        personId, fullName: 'Học viên ma trận', organisationType: 'cooperative', organisationName: 'HTX Ngọk Bay',
      }, 201);
    }
    return courseId;
  },

  /** A Quảng Ngãi application for productivity expert, assessed as passed. */
  async assessedCertification(): Promise<string> {
    const certificationId = `matrix-cert-${trainingAwards.run}`;
    await trainingAwards.as('training', 'qn.admin', 'POST', '/certifications', {
      certificationId,
      personId: `p-${certificationId}`,
      fullName: 'Trần Văn Minh',
      unitCode: '51',
      levelCode: 'expert',
      evidence: [
        { type: 'degree', title: 'Bằng kỹ sư', reference: 'SH-1' },
        { type: 'productivity-training-certificate', title: 'Chứng chỉ chuyên gia năng suất', reference: 'CC-1' },
        { type: 'work-experience', title: 'Xác nhận kinh nghiệm', reference: 'XN-1' },
      ],
    }, 201);
    await trainingAwards.as('training', 'qn.assessor', 'POST', `/certifications/${certificationId}/assessment`, {
      scores: [{ criterionCode: 'knowledge', score: 80 }, { criterionCode: 'application', score: 75 }, { criterionCode: 'consulting', score: 70 }],
    }, 200);
    return certificationId;
  },

  /** A Quảng Ngãi award category open today. */
  async quangNgaiCategory(): Promise<string> {
    const categoryId = `matrix-cat-${trainingAwards.run}`;
    await trainingAwards.as('awards', 'qn.admin', 'POST', '/award-categories', {
      categoryId,
      unitCode: '51',
      name: 'Doanh nghiệp tiêu biểu trong nâng cao năng suất',
      eligibleNomineeKinds: ['enterprise', 'organisation', 'individual'],
      period: { from: trainingAwards.today(-30), to: trainingAwards.today(30) },
    }, 201);
    return categoryId;
  },

  /** A Quảng Ngãi nomination evaluated by its whole council (qn.council), ready for the decision. */
  async evaluatedNomination(): Promise<string> {
    const categoryId = await trainingAwards.quangNgaiCategory();
    const nominationId = `matrix-nom-${trainingAwards.run}`;
    await trainingAwards.as('awards', 'qn.admin', 'POST', '/nominations', {
      nominationId,
      categoryId,
      nominee: { kind: 'enterprise', name: 'HTX Nông nghiệp Ngọk Bay' },
      nominatedBy: { kind: 'cooperative-alliance', name: 'Liên minh Hợp tác xã tỉnh Quảng Ngãi' },
      unitCode: '51',
      achievements: ['Áp dụng 5S, năng suất lao động tăng 12 %'],
    }, 201);
    await trainingAwards.as('awards', 'qn.admin', 'POST', `/nominations/${nominationId}/evaluation-start`, { councilMemberIds: ['qn.council'] }, 200);
    await trainingAwards.as('awards', 'qn.council', 'POST', `/nominations/${nominationId}/evaluations`, { score: 86, comment: 'Mô hình hiệu quả' }, 200);
    return nominationId;
  },
};
