import { startServiceForTest, ServiceTestApp, apiClient, commitCount, storedEvents, ddmmyyyy, eventually, vnDate } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { Clock } from '@nangsuat/service-runtime';
import { CertificationExpiryJob, EXPIRY_JOB_ACTOR } from '../expire-certification/certification-expiry.job';

/**
 * Expert certification end to end through the HTTP API with real tokens: application → assessment
 * → grant → renewal → expiry (explicit and by the scheduled job, with the service clock moved
 * forward) and revocation with a reason; refusals write nothing.
 */
describe('training: expert certification (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  let clock: Clock;
  const realNow = Clock.prototype.now;
  const evidence = [
    { type: 'degree', title: 'Bằng kỹ sư quản lý công nghiệp', reference: 'Số hiệu 123456' },
    { type: 'productivity-training-certificate', title: 'Chứng chỉ chuyên gia năng suất', reference: 'CC-2024-88' },
    { type: 'work-experience', title: 'Xác nhận 5 năm kinh nghiệm', reference: 'QĐ 45/SKHCN' },
  ];
  const passingScores = [
    { criterionCode: 'knowledge', score: 80 },
    { criterionCode: 'application', score: 75, comment: 'Dự án 5S tại HTX' },
    { criterionCode: 'consulting', score: 70 },
  ];
  const apply = (certificationId: string, personId: string, extra: Record<string, unknown> = {}) =>
    api('qn.admin', 'POST', '/certifications', { certificationId, personId, fullName: 'Trần Văn Minh', unitCode: '51', levelCode: 'expert', evidence, ...extra });
  const certify = async (certificationId: string, personId: string, grant: Record<string, unknown> = {}) => {
    expect((await apply(certificationId, personId)).status).toBe(201);
    expect((await api('qn.assessor', 'POST', `/certifications/${certificationId}/assessment`, { scores: passingScores })).status).toBe(200);
    const granted = await api('qn.assessor', 'POST', `/certifications/${certificationId}/grant`, { certificateNumber: `CGNS-${certificationId}`, ...grant });
    expect(granted.status).toBe(200);
    return granted.body;
  };
  const moveClock = (days: number) => {
    clock.now = () => new Date(Date.now() + days * 86_400_000);
  };

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'training', rootModule: AppModule });
    api = apiClient(svc.url);
    clock = svc.app.get(Clock);
  });
  afterEach(() => {
    clock.now = realNow;
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('publishes the standard as data, marked illustrative', async () => {
    const res = await api('ngokbay.officer', 'GET', '/certification-standards');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ code: 'TCVN 13751:2023', provenance: 'illustrative' });
    expect(res.body.notice).toMatch(/illustrative/);
  });

  it('applies, assesses, grants, lists as active, renews, and expires only after validTo', async () => {
    const applied = await apply('cert-a', 'p-minh');
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'applied', levelCode: 'expert', requirements: { validityYears: 3 } });
    const assessed = await api('qn.assessor', 'POST', '/certifications/cert-a/assessment', { scores: passingScores });
    expect(assessed.status).toBe(200);
    expect(assessed.body).toMatchObject({ status: 'assessed', assessment: { totalScore: 225, result: 'passed', assessorId: 'qn.assessor' } });
    const granted = await api('qn.assessor', 'POST', '/certifications/cert-a/grant', { certificateNumber: 'CGNS-51-2025-001', validFrom: ddmmyyyy(vnDate()), validTo: vnDate(30) });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ status: 'certified', activeToday: true, validFrom: vnDate(), validTo: vnDate(30), grant: { grantedBy: 'qn.assessor' } });
    expect(granted.body.display.validFrom).toBe(ddmmyyyy(vnDate()));

    const active = await eventually(
      () => api('qn.admin', 'GET', '/certifications?status=active&unit=51&q=tran%20van'),
      // The count and the page are two reads of a read model that is still being updated: wait for both.
      (r) => r.body?.total === 1 && r.body.items?.length === 1,
    );
    expect(active.body).toMatchObject({ total: 1, distinctPersons: 1 });
    expect(active.body.items[0]).toMatchObject({ certificationId: 'cert-a', activeToday: true });
    const notYet = await api('qn.admin', 'GET', `/certifications?status=active&on=${ddmmyyyy(vnDate(31))}`);
    expect(notYet.body.total).toBe(0);

    const before = await commitCount(svc.events);
    const early = await api('qn.assessor', 'POST', '/certifications/cert-a/expire');
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/valid until/);
    expect(await commitCount(svc.events)).toBe(before);

    const renewed = await api('qn.assessor', 'POST', '/certifications/cert-a/renew', {
      validTo: ddmmyyyy(vnDate(60)),
      evidence: [{ type: 'cpd-record', title: 'Hồ sơ cập nhật kiến thức 2025', reference: 'CPD-2025-7' }],
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ status: 'certified', validTo: vnDate(60), renewals: [{ previousValidTo: vnDate(30), validTo: vnDate(60) }] });

    moveClock(61);
    const expired = await api('qn.assessor', 'POST', '/certifications/cert-a/expire');
    expect(expired.status).toBe(200);
    expect(expired.body).toMatchObject({ status: 'expired', activeToday: false });
  });

  it('the scheduled job expires certifications past validTo, as the system actor', async () => {
    await certify('cert-job', 'p-job', { validTo: vnDate(1) });
    await certify('cert-keep', 'p-keep', { validTo: vnDate(10) });
    await eventually(
      () => api('qn.admin', 'GET', '/certifications?status=certified&unit=51'),
      (r) => r.body?.items?.some((c: { certificationId: string }) => c.certificationId === 'cert-keep') && r.body.items.some((c: { certificationId: string }) => c.certificationId === 'cert-job'),
    );
    expect(CertificationExpiryJob.intervalMs({ NODE_ENV: 'test' })).toBe(0);
    expect(CertificationExpiryJob.intervalMs({ NODE_ENV: 'test', CERTIFICATION_EXPIRY_INTERVAL_MS: '60000' })).toBe(60000);
    expect(CertificationExpiryJob.intervalMs({})).toBe(3_600_000);
    const job = svc.app.get(CertificationExpiryJob);
    moveClock(3);
    expect(await job.runOnce()).toBe(1);
    const res = await api('qn.admin', 'GET', '/certifications/cert-job');
    expect(res.body.status).toBe('expired');
    expect((await api('qn.admin', 'GET', '/certifications/cert-keep')).body.status).toBe('certified');
    const [commit] = await storedEvents(svc.events, 'expert-certification-cert-job', 'CertificationExpired');
    expect(commit?.metadata.actor.id).toBe(EXPIRY_JOB_ACTOR.id);
    expect(commit?.metadata.unit).toBe('51');
    expect(await job.runOnce()).toBe(0);
  });

  it('revokes with a reason kept in the event and its metadata', async () => {
    await certify('cert-r', 'p-revoked');
    const noReason = await api('qn.assessor', 'POST', '/certifications/cert-r/revoke', {});
    expect(noReason.status).toBe(400);
    const revoked = await api('qn.assessor', 'POST', '/certifications/cert-r/revoke', { reason: 'Hồ sơ kinh nghiệm không trung thực' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocation: { reason: 'Hồ sơ kinh nghiệm không trung thực', revokedBy: 'qn.assessor' } });
    const [commit] = await storedEvents(svc.events, 'expert-certification-cert-r', 'CertificationRevoked');
    expect(commit?.metadata).toMatchObject({ unit: '51', reason: 'Hồ sơ kinh nghiệm không trung thực', actor: { username: 'qn.assessor' } });
    expect(commit?.metadata.actor.id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await api('qn.assessor', 'POST', '/certifications/cert-r/renew', { evidence: [{ type: 'cpd-record', title: 't', reference: 'r' }] });
    expect(again.status).toBe(422);
  });

  it('refuses bad input, wrong roles, other units and auditors, writing nothing', async () => {
    expect((await apply('cert-bad', 'p-bad')).status).toBe(201);
    const before = await commitCount(svc.events);
    const cases: [string, string, string, unknown, number, RegExp][] = [
      ['missing required evidence', 'qn.admin', '/certifications', { personId: 'p-x', fullName: 'A', unitCode: '51', levelCode: 'expert', evidence: evidence.slice(0, 1) }, 422, /needs evidence of type/],
      ['unknown level', 'qn.admin', '/certifications', { personId: 'p-x', fullName: 'A', unitCode: '51', levelCode: 'guru', evidence }, 422, /not defined/],
      ['unknown evidence type', 'qn.admin', '/certifications', { personId: 'p-x', fullName: 'A', unitCode: '51', levelCode: 'expert', evidence: [...evidence, { type: 'selfie', title: 't', reference: 'r' }] }, 422, /not an evidence type/],
      ['unknown unit', 'qn.admin', '/certifications', { personId: 'p-x', fullName: 'A', unitCode: 'ZZ', levelCode: 'expert', evidence }, 422, /not a known administrative unit/],
      ['operator injection', 'qn.admin', '/certifications', { personId: 'p-x', fullName: { $gt: '' }, unitCode: '51', levelCode: 'expert', evidence }, 400, /\$gt/],
      ['score out of range', 'qn.assessor', '/certifications/cert-bad/assessment', { scores: [{ criterionCode: 'knowledge', score: 101 }, passingScores[1], passingScores[2]] }, 422, /between 0 and 100/],
      ['score as text', 'qn.assessor', '/certifications/cert-bad/assessment', { scores: [{ criterionCode: 'knowledge', score: '80' }] }, 400, /score/],
      ['missing criterion', 'qn.assessor', '/certifications/cert-bad/assessment', { scores: passingScores.slice(0, 2) }, 422, /missing: consulting/],
      ['grant before assessment', 'qn.assessor', '/certifications/cert-bad/grant', { certificateNumber: 'X-1' }, 422, /Cannot grant/],
      ['not an assessor', 'qn.admin', '/certifications/cert-bad/assessment', { scores: passingScores }, 403, /role/i],
      ['assessor of another province', 'kh.assessor', '/certifications/cert-bad/assessment', { scores: passingScores }, 403, /outside your unit/],
      ['auditor', 'auditor.vn', '/certifications/cert-bad/assessment', { scores: passingScores }, 403, /read-only/],
      ['apply outside unit', 'dakcam.officer', '/certifications', { personId: 'p-x', fullName: 'A', unitCode: '51', levelCode: 'expert', evidence }, 403, /outside your unit/],
    ];
    for (const [name, user, path, body, status, message] of cases) {
      const res = await api(user, 'POST', path, body);
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    expect(await commitCount(svc.events)).toBe(before);
    const failed = await api('qn.assessor', 'POST', '/certifications/cert-bad/assessment', {
      scores: [{ criterionCode: 'knowledge', score: 50 }, passingScores[1], passingScores[2]],
    });
    expect(failed.body).toMatchObject({ status: 'not-passed', assessment: { result: 'failed', failedCriteria: ['knowledge'] } });
    expect((await api('qn.assessor', 'POST', '/certifications/cert-bad/grant', { certificateNumber: 'X-1' })).status).toBe(422);
    expect((await api('kh.admin', 'GET', '/certifications/cert-bad')).status).toBe(403);
    expect((await api('kh.admin', 'GET', '/certifications?unit=51')).status).toBe(403);
    expect((await api('auditor.vn', 'GET', '/certifications/cert-bad')).status).toBe(200);
  });
});
