import { randomUUID } from 'node:crypto';
import { startServiceForTest, ServiceTestApp, apiClient, eventually } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { envelope, EventFeed, issuePlan, target } from '../progress/testing/progress-kit';

/**
 * Annual reporting through a real plans service (FerretDB, Kafka, Keycloak; real tokens): a commune
 * (Đăk Cấm) opens and submits its period of a province plan; the submission freezes the figures and
 * locks the period; a fact recorded after the lock counts in the next period, until the province
 * grants an exception; return, resubmission, approval; the printable report in both languages.
 *
 * Facts are dated in a random past year, so that live services (today's facts) and other runs stay
 * out of the window; counts are still compared with a baseline read after the consumer caught up.
 */
describe('plans: reporting periods (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const feed = new EventFeed();
  const run = randomUUID().slice(0, 8);
  const Y = 2001 + Math.floor(Math.random() * 19);
  const P = `qn-report-${run}`;
  const number = `${1000 + Math.floor(Math.random() * 8000)}/KH-UBND`;
  const period = `${P}:51-DAKCAM:${Y}`;
  const next = `${P}:51-DAKCAM:${Y + 1}`;
  const enc = encodeURIComponent;

  const completion = (unit: string, day: string) => {
    const courseId = `k-${randomUUID().slice(0, 8)}`;
    return envelope(
      'TraineeCompleted',
      { courseId, unitCode: unit, personId: `p-${randomUUID().slice(0, 8)}`, organisationType: 'department', organisationName: 'Sở', topic: 'Lean', sessionsAttended: 1, completedAt: `${day}T03:00:00.000Z` },
      { streamId: `course-${courseId}`, occurredAt: `${day}T03:00:00.000Z` },
    );
  };
  const get = async (id: string, user = 'qn.admin') => (await api(user, 'GET', `/reporting-periods/${enc(id)}`)).body;
  const trained = (figures: any[]) => figures.find((f: { targetId: string }) => f.targetId === 'trained');
  const events = () => svc.events.countCommits();

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'plans', rootModule: AppModule });
    api = apiClient(svc.url);
    await feed.start();
    await issuePlan(api, 'qn.admin', {
      planId: P,
      unit: '51',
      title: `Kế hoạch nâng cao năng suất tỉnh Quảng Ngãi giai đoạn ${Y}–${Y + 1}`,
      documentNumber: number,
      issueDate: `15/01/${Y}`,
      horizonYears: [Y, Y + 1],
      reporting: { annualDeadline: { day: 10, month: 11 }, reportTo: 'Ủy ban nhân dân tỉnh' },
      targets: [
        target('trained', 'trained-person-times', 'person-times', Y + 1, { comparison: 'more-than', value: 150 }),
        target('pilot', 'pilot-model-enterprises', 'enterprises', Y + 1, { comparison: 'range', min: 2, max: 5 }),
      ],
    });
    await feed.barrier(svc.readModels);
  });
  afterAll(async () => {
    await feed.stop();
    await svc?.close();
  });

  it('opens, freezes figures at submission, moves a late fact to the next period until an exception, returns, resubmits, approves; prints vi/en', async () => {
    const opened = await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-DAKCAM', year: Y });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ periodId: period, status: 'open', periodStart: `${Y}-01-15`, periodEnd: `${Y}-11-10`, dueDate: `${Y}-11-10`, display: { dueDate: `10/11/${Y}` } });
    const base = trained(opened.body.current.figures);

    const f1 = completion('51-DAKCAM', `${Y}-03-02`);
    const f2 = completion('51-DAKCAM', `${Y}-05-20`);
    const fProvince = completion('51', `${Y}-04-01`); // the province's own course: the plan's, not the commune's
    const fAfter = completion('51-DAKCAM', `${Y}-11-20`); // after the period: next period's
    await feed.publish('training', f1, f2, fProvince, fAfter);
    // Wait for the province's fact too: it counts for the plan (planActual), and the submission below freezes that.
    const live = await eventually(
      () => get(period),
      (b) => [f1.id, f2.id].every((id) => trained(b.current.figures).eventIds.includes(id)) && (trained(b.current.figures).planActual ?? 0) >= (base.planActual ?? 0) + 3,
    );
    const t0 = trained(live.current.figures);
    expect(t0.periodActual).toBe(base.periodActual + 2);
    expect(t0.actual).toBe(base.actual + 2);
    expect(t0.eventIds).not.toContain(fProvince.id);
    expect(t0.eventIds).not.toContain(fAfter.id);
    expect(t0.required).toBe(151);

    // submit: figures frozen in the event, period locked
    const submitted = await api('dakcam.officer', 'POST', `/reporting-periods/${enc(period)}/submit`, { summary: 'Đã tổ chức các lớp tập huấn Lean.' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', locked: true, submitted: { submission: 1, submittedBy: 'dakcam.officer', late: true } });
    const frozen = trained(submitted.body.submitted.figures);
    expect(frozen).toMatchObject({ periodActual: base.periodActual + 2, actual: base.actual + 2, status: expect.any(String) });
    expect(frozen.planActual).toBeGreaterThanOrEqual(frozen.actual + 1);
    const n1 = await events();
    expect((await api('dakcam.officer', 'POST', `/reporting-periods/${enc(period)}/submit`, {})).status).toBe(422); // locked
    expect((await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/submit`, {})).status).toBe(403); // the commune submits its own
    expect((await api('dakcam.officer', 'POST', `/reporting-periods/${enc(period)}/approve`)).status).toBe(422); // not by itself
    expect((await api('ngokbay.officer', 'POST', `/reporting-periods/${enc(period)}/approve`)).status).toBe(403); // another commune
    expect((await api('auditor.vn', 'POST', `/reporting-periods/${enc(period)}/approve`)).status).toBe(403);
    expect(await events()).toBe(n1);

    // a fact of the period recorded after the lock: late, counts in the next period
    const late = completion('51-DAKCAM', `${Y}-06-01`);
    await feed.publish('training', late);
    const afterLate = await eventually(() => get(period), (b) => b.current.lateEventIds.includes(late.id));
    expect(afterLate.current.lateEventIds).toContain(late.id);
    expect(trained(afterLate.submitted.figures)).toEqual(frozen); // the submitted report does not move
    expect(trained(afterLate.current.figures).eventIds).not.toContain(late.id);
    const nextOpened = await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-DAKCAM', year: Y + 1 });
    expect(nextOpened.status).toBe(201);
    expect(nextOpened.body.periodStart).toBe(`${Y}-11-11`);
    expect(nextOpened.body.current.carriedInEventIds).toContain(late.id);
    expect(trained(nextOpened.body.current.figures).eventIds).toEqual(expect.arrayContaining([late.id, fAfter.id]));

    // the province grants an exception: the late fact counts in its own period again
    expect((await api('dakcam.officer', 'POST', `/reporting-periods/${enc(period)}/late-exception`, { eventIds: [late.id], reason: 'x' })).status).toBe(403);
    const n2 = await events();
    const notLate = await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/late-exception`, { eventIds: [f1.id], reason: 'nhầm' });
    expect(notLate.status).toBe(422);
    expect((await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/late-exception`, { eventIds: [], reason: 'x' })).status).toBe(400);
    expect(await events()).toBe(n2);
    const granted = await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/late-exception`, { eventIds: [late.id], reason: 'Danh sách học viên gửi chậm do thiên tai.' });
    expect(granted.status).toBe(201);
    expect(granted.body.exceptionEventIds).toContain(late.id);
    expect(granted.body.current.lateEventIds).not.toContain(late.id);
    expect(trained(granted.body.current.figures).eventIds).toContain(late.id);
    expect((await get(next, 'dakcam.officer')).current.carriedInEventIds).not.toContain(late.id);

    // returned with a reason, resubmitted with the excepted fact, approved by the province
    expect((await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/return`, {})).status).toBe(400);
    const returned = await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/return`, { reason: 'Bổ sung học viên lớp tháng 6.' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', locked: false, returns: [{ reason: 'Bổ sung học viên lớp tháng 6.' }] });
    const resubmitted = await api('dakcam.officer', 'POST', `/reporting-periods/${enc(period)}/submit`, {});
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body.submitted.submission).toBe(2);
    expect(trained(resubmitted.body.submitted.figures).periodActual).toBe(base.periodActual + 3);
    const approved = await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.history.map((h: { type: string }) => h.type)).toEqual([
      'ReportingPeriodOpened', 'ReportSubmitted', 'LateEventsExceptionGranted', 'ReportReturned', 'ReportResubmitted', 'ReportApproved',
    ]);
    expect((await api('qn.admin', 'POST', `/reporting-periods/${enc(period)}/return`, { reason: 'x' })).status).toBe(422);

    // printable report
    const vi = await api('qn.admin', 'GET', `/reporting-periods/${enc(period)}/report.html?lang=vi`);
    expect(vi.status).toBe(200);
    expect(vi.headers.get('content-type')).toContain('text/html');
    expect(vi.text).toContain(`Kế hoạch số ${number} ngày 15/01/${Y}`);
    expect(vi.text).toContain(`15/01/${Y} – 10/11/${Y}`);
    expect(vi.text).toContain('Gửi lần 2 bởi dakcam.officer');
    expect(vi.text).toContain('Phê duyệt bởi qn.admin (tỉnh Quảng Ngãi)');
    expect(vi.text).toContain('trên 150');
    const en = await api('auditor.vn', 'GET', `/reporting-periods/${enc(period)}/report.html?lang=en`);
    expect(en.status).toBe(200);
    expect(en.text).toContain('Approved by qn.admin');
    expect((await api('qn.admin', 'GET', `/reporting-periods/${enc(period)}/report.html?lang=fr`)).status).toBe(400);
    expect((await api('ent.ngokbay', 'GET', `/reporting-periods/${enc(period)}/report.html`)).status).toBe(403);
    expect((await api('ngokbay.officer', 'GET', `/reporting-periods/${enc(period)}`)).status).toBe(403);

    // lists
    const list = await api('qn.admin', 'GET', `/reporting-periods?unit=51&year=${Y}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ periodId: period, status: 'approved', submissions: 2, unitName: 'Đăk Cấm' })]);
    const open = await api('dakcam.officer', 'GET', `/reporting-periods?planId=${P}&status=open`);
    expect(open.body.items.map((i: { periodId: string }) => i.periodId)).toEqual([next]);
    expect((await api('ngokbay.officer', 'GET', `/reporting-periods?planId=${P}`)).body.total).toBe(0);
    expect((await api('ent.ngokbay', 'GET', '/reporting-periods')).status).toBe(403);
    expect((await api('auditor.vn', 'GET', `/reporting-periods?planId=${P}`)).body.total).toBe(2);
  });

  it('refuses impossible periods and commands with 4xx and writes nothing', async () => {
    const n0 = await events();
    const r = [
      await api('kh.admin', 'POST', `/plans/${P}/reporting-periods`, { unit: '56-PHANRANG', year: Y }), // not within the plan's unit
      await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-DAKCAM', year: Y - 1 }), // before the plan
      await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-DAKCAM', year: Y + 2 }), // after its horizon
      await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-NGOKBAY', year: Y }), // another commune
      await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-DAKCAM', year: Y, periodStart: `01/01/${Y}` }), // before issue
      await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-DAKCAM', year: 'năm nay' }),
      await api('dakcam.officer', 'POST', '/plans/no-such-plan/reporting-periods', { unit: '51-DAKCAM', year: Y }),
      await api('ent.ngokbay', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-NGOKBAY', year: Y }),
      await api('dakcam.officer', 'POST', `/reporting-periods/${enc(`${P}:51-DAKCAM:1999`)}/submit`, {}),
      await api('qn.admin', 'GET', `/reporting-periods/${enc(`${P}:51-DAKCAM:1999`)}`),
    ];
    expect(r.map((x) => x.status)).toEqual([422, 422, 422, 403, 422, 400, 404, 403, 404, 404]);
    const again = await api('dakcam.officer', 'POST', `/plans/${P}/reporting-periods`, { unit: '51-DAKCAM', year: Y + 1 });
    expect(again.status).toBe(409);
    expect(await events()).toBe(n0);
  });
});
