import { startServiceForTest, ServiceTestApp, apiClient, eventually } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { issuePlan, target } from '../progress/testing/progress-kit';

/**
 * Reports up the chain through a real plans service (PostgreSQL, FerretDB, Kafka, Keycloak): a plan
 * whose reporting rules name village → commune → province, each level with its own deadline. The
 * village's report — carrying a school that applied 5S, recorded by the village and verified by the
 * commune — is endorsed by the commune, returned by the province with its reason (which the village
 * sees), resubmitted, endorsed again and approved; the commune's period shows the village report
 * with its figures and the events behind them.
 */
describe('plans: a village report climbs to the province (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const P = 'qn-chain-2025';
  const enc = encodeURIComponent;
  const village = `${P}:51-NGOKBAY-KONRLONG:2025`;
  const commune = `${P}:51-NGOKBAY:2025`;
  const get = async (id: string, user = 'qn.admin') => (await api(user, 'GET', `/reporting-periods/${enc(id)}`)).body;
  const schools = (figures: any[]) => figures.find((f: { targetId: string }) => f.targetId === 'schools');
  let verifiedEventId = '';

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'plans', rootModule: AppModule });
    api = apiClient(svc.url);
    await issuePlan(api, 'qn.admin', {
      planId: P,
      unit: '51',
      title: 'Kế hoạch tổng thể nâng cao năng suất tỉnh Quảng Ngãi đến năm 2030',
      documentNumber: '238/KH-UBND',
      issueDate: '19/06/2025',
      horizonYears: [2025, 2030],
      reporting: {
        annualDeadline: '10/11',
        reportTo: 'Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ)',
        approvalChain: ['village', 'commune', 'province'],
        levelDeadlines: [
          { level: 'village', day: 31, month: 10 },
          { level: 'commune', day: 5, month: 11 },
        ],
      },
      targets: [target('schools', 'schools-5s', 'schools', 2030, { comparison: 'at-least', value: 10 })],
    });
    const org = await api('ngokbay.officer', 'POST', '/organisations', { organisationId: 'th-kon-ro-long', name: 'Trường Tiểu học Kon Rờ Lòng', kind: 'school', unitCode: '51-NGOKBAY-KONRLONG' });
    expect(org.status).toBe(201);
    const recorded = await api('konrlong.officer', 'POST', '/achievements', { indicator: 'schools-5s', organisationId: 'th-kon-ro-long', achievedOn: '01/09/2025', description: 'Áp dụng 5S tại điểm trường', evidence: 'Biên bản kiểm tra 5S của xã' });
    expect(recorded.status).toBe(201);
    const verified = await api('ngokbay.officer', 'POST', `/achievements/${recorded.body.achievementId}/verification`, {});
    expect(verified.status).toBe(200);
    const history = await api('ngokbay.officer', 'GET', `/achievements/${recorded.body.achievementId}`);
    verifiedEventId = (await svc.events.readStream(`achievement-${recorded.body.achievementId}`)).find((e) => e.type === 'AchievementVerified')!.id;
    expect(history.body.status).toBe('verified');
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('opens each level’s period with its own deadline and the chain above it', async () => {
    const v = await api('konrlong.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-NGOKBAY-KONRLONG', year: 2025 });
    expect(v.status).toBe(201);
    expect(v.body).toMatchObject({ dueDate: '2025-10-31', approvalChain: [{ unit: '51-NGOKBAY' }, { unit: '51' }] });
    const c = await api('ngokbay.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-NGOKBAY', year: 2025 });
    expect(c.body).toMatchObject({ dueDate: '2025-11-05', approvalChain: [{ unit: '51' }] });
    const p = await api('qn.admin', 'POST', `/plans/${P}/reporting-periods`, { unit: '51', year: 2025 });
    expect(p.body).toMatchObject({ dueDate: '2025-11-10', display: { dueDate: '10/11/2025' } });
  });

  it('climbs village → commune → province; a return comes back down with its reason', async () => {
    // The village's report carries the verified school (the consumer has it once the figure shows).
    await eventually(() => get(village), (b) => schools(b.current.figures)?.actual === 1, 120_000);
    const submitted = await api('konrlong.officer', 'POST', `/reporting-periods/${enc(village)}/submit`, { summary: 'Thôn có 01 điểm trường áp dụng 5S.' });
    expect(submitted.body).toMatchObject({ status: 'submitted', awaiting: { unit: '51-NGOKBAY' } });
    expect(schools(submitted.body.submitted.figures)).toMatchObject({ actual: 1, eventIds: [verifiedEventId] });

    const skip = await api('qn.admin', 'POST', `/reporting-periods/${enc(village)}/approve`);
    expect(skip.status).toBe(422);
    expect(skip.body.message).toMatch(/it is now with .*Ngọk Bay/);
    const endorsed = await api('ngokbay.officer', 'POST', `/reporting-periods/${enc(village)}/approve`);
    expect(endorsed.body).toMatchObject({ status: 'submitted', awaiting: { unit: '51' }, approvalChain: [{ unit: '51-NGOKBAY', approvedBy: expect.any(String) }, { unit: '51' }] });
    expect((await api('ngokbay.officer', 'POST', `/reporting-periods/${enc(village)}/approve`)).status).toBe(422); // not twice

    const returned = await api('qn.admin', 'POST', `/reporting-periods/${enc(village)}/return`, { reason: 'Đề nghị bổ sung minh chứng áp dụng 5S của điểm trường.' });
    expect(returned.body).toMatchObject({ status: 'returned', locked: false });
    // The village sees the province's reason; the climb starts again from the commune.
    const seen = await get(village, 'konrlong.officer');
    expect(seen.returns[seen.returns.length - 1]).toMatchObject({ reason: 'Đề nghị bổ sung minh chứng áp dụng 5S của điểm trường.' });
    expect(seen.approvalChain.every((s: { approvedBy?: string }) => s.approvedBy === undefined)).toBe(true);
    expect(seen.history.map((h: { type: string }) => h.type)).toEqual(['ReportingPeriodOpened', 'ReportSubmitted', 'ReportEndorsed', 'ReportReturned']);

    await api('konrlong.officer', 'POST', `/reporting-periods/${enc(village)}/submit`, { summary: 'Đã bổ sung minh chứng.' });
    expect((await api('qn.admin', 'POST', `/reporting-periods/${enc(village)}/approve`)).status).toBe(422);
    await api('ngokbay.officer', 'POST', `/reporting-periods/${enc(village)}/approve`);
    const approved = await api('qn.admin', 'POST', `/reporting-periods/${enc(village)}/approve`);
    expect(approved.body).toMatchObject({ status: 'approved', approvalChain: [{ unit: '51-NGOKBAY', approvedBy: expect.any(String) }, { unit: '51', approvedBy: expect.any(String) }] });
  });

  it('the commune’s period shows the village report and its figures, with the events behind them; they roll into the commune’s own figures', async () => {
    const c = await get(commune, 'ngokbay.officer');
    expect(c.subReports).toEqual([expect.objectContaining({ unit: '51-NGOKBAY-KONRLONG', status: 'approved', dueDate: '2025-10-31' })]);
    expect(schools(c.subReports[0].submitted.figures)).toMatchObject({ actual: 1, eventIds: [verifiedEventId] });
    expect(schools(c.current.figures)).toMatchObject({ actual: 1, eventIds: [verifiedEventId] });
    const province = await get(`${P}:51:2025`);
    expect(province.subReports.map((r: { unit: string; status: string }) => [r.unit, r.status])).toEqual([['51-NGOKBAY', 'open']]);
  });
});
