import { randomUUID } from 'node:crypto';
import { startServiceForTest, ServiceTestApp, apiClient, eventually, vnDate } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { envelope, EventFeed, issuePlan, target } from './testing/progress-kit';
import { deadLetterTopic, eventsTopic } from '@nangsuat/messaging';

/**
 * Progress through a real plans service (FerretDB, Kafka, Keycloak; real tokens): facts produced as
 * RecordedEvent envelopes to the real training / support-programs topics raise the targets of the
 * province plan 138/KH-UBND and of the Ngọk Bay commune plan, roll up commune → province and follow
 * the lineage; duplicates count once; what cannot be mapped is dead-lettered with its reason.
 *
 * The topics are shared with other tests: counts are compared with a baseline taken after the
 * consumer has caught up (barrier), with asOf 31/12/2025 so that live services' facts (dated today)
 * stay out; the facts here are 2025 facts with fresh ids.
 */
describe('plans: progress from the other services’ events (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const feed = new EventFeed();
  const run = randomUUID().slice(0, 8);
  const Q = `qn-138-${run}`;
  const C = `ngokbay-${run}`;
  const communeNumber = `${100 + Math.floor(Math.random() * 800)}/KH-UBND`;
  const asOf = '31/12/2025';

  const completion = (unit: string, personId: string, courseId: string, day: string, planDocumentNumber?: string) =>
    envelope(
      'TraineeCompleted',
      { courseId, unitCode: unit, personId, organisationType: 'cooperative', organisationName: 'HTX', topic: '5S', sessionsAttended: 1, completedAt: `${day}T03:00:00.000Z`, ...(planDocumentNumber ? { planDocumentNumber } : {}) },
      { streamId: `course-${courseId}`, occurredAt: `${day}T03:00:00.000Z` },
    );
  const approval = (unit: string, enterpriseId: string, programmeUnit: string, day: string, planDocumentNumber?: string) => {
    const programmeId = `prog-${run}`;
    return envelope(
      'RegistrationApproved',
      { registrationId: `${programmeId}:${enterpriseId}`, programmeId, enterpriseId, unitCode: unit, programmeUnitCode: programmeUnit, reviewerId: 'qn.admin', tools: ['5s'], seatReservedAtProgrammeVersion: 2, approvedAt: `${day}T02:00:00.000Z`, ...(planDocumentNumber ? { planDocumentNumber } : {}) },
      { streamId: `pilot-model-registration-${programmeId}:${enterpriseId}`, occurredAt: `${day}T02:00:00.000Z` },
    );
  };

  const progress = async (planId: string, user = 'qn.admin') => (await api(user, 'GET', `/plans/${planId}/progress?asOf=${asOf}`)).body;
  const targetOf = (body: any, id: string) => body.targets.find((t: { targetId: string }) => t.targetId === id);
  const unitOf = (t: any, unit: string) => t.byUnit.find((u: { unit: string }) => u.unit === unit) ?? { actual: 0, contributingEventIds: [] };

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'plans', rootModule: AppModule });
    api = apiClient(svc.url);
    await feed.start();
    await issuePlan(api, 'qn.admin', {
      planId: Q,
      unit: '51',
      title: 'Kế hoạch tổng thể nâng cao năng suất tỉnh Quảng Ngãi đến năm 2030',
      documentNumber: '138/KH-UBND',
      issueDate: '19/06/2025',
      horizonYears: [2025, 2030],
      targets: [
        target('trained-2030', 'trained-person-times', 'person-times', 2030, { comparison: 'more-than', value: 500 }),
        target('pilot-2030', 'pilot-model-enterprises', 'enterprises', 2030, { comparison: 'range', min: 5, max: 10 }),
        target('labour-2025', 'labour-productivity-growth', '%/year', 2025, { comparison: 'range', min: 6.5, max: 7 }, 'reported'),
      ],
    });
    await issuePlan(api, 'ngokbay.officer', {
      planId: C,
      unit: '51-NGOKBAY',
      title: 'Kế hoạch tổng thể nâng cao năng suất xã Ngọk Bay đến năm 2030',
      documentNumber: communeNumber,
      issueDate: '15/08/2025',
      horizonYears: [2030],
      implementsPlan: '138/KH-UBND',
      targets: [
        target('pilot-2030', 'pilot-model-enterprises', 'enterprises', 2030, { comparison: 'range', min: 1, max: 2 }),
        target('trained-2030', 'trained-person-times', 'person-times', 2030, { comparison: 'at-least', value: 20 }),
      ],
    });
    await feed.barrier(svc.readModels);
  });
  afterAll(async () => {
    await feed.stop();
    await svc?.close();
  });

  it('counts training completions and pilot-model approvals as they arrive, rolls them up commune → province, follows the lineage, counts duplicates once', async () => {
    const before = { Q: await progress(Q), C: await progress(C, 'ngokbay.officer') };
    const t = (b: any, id: string) => targetOf(b, id).actual as number;

    const personA = `p-a-${run}`;
    const a1 = completion('51-NGOKBAY', personA, `k1-${run}`, '2025-09-10');
    const a2 = completion('51-NGOKBAY', personA, `k2-${run}`, '2025-09-11'); // same person, other course: twice
    const a1again = completion('51-NGOKBAY', personA, `k1-${run}`, '2025-09-12'); // same person, same course: once
    const dakcam = completion('51-DAKCAM', `p-b-${run}`, `k3-${run}`, '2025-10-01');
    const kontum = completion('62-KONTUM-CITY', `p-c-${run}`, `k4-${run}`, '2025-06-25'); // before the merger, after 19/06/2025
    const phanrang = completion('56-PHANRANG', `p-d-${run}`, `k5-${run}`, '2025-10-01'); // another province
    const e1 = approval('51-NGOKBAY', `mst-e1-${run}`, '51', '2025-09-15', '138/KH-UBND');
    const e2 = approval('51-DAKCAM', `mst-e2-${run}`, '51-NGOKBAY', '2025-09-20', communeNumber); // names the commune plan, run by the commune

    await feed.publish('training', a1, a2, a1, dakcam, kontum, phanrang, a1again);
    await feed.publish('support-programs', e1, e2, e1); // e1 delivered twice

    const mine = [a1, a2, dakcam, kontum].map((e) => e.id);
    const q = await eventually(
      () => progress(Q),
      (b) => mine.every((id) => targetOf(b, 'trained-2030').contributingEventIds.includes(id)) && [e1.id, e2.id].every((id) => targetOf(b, 'pilot-2030').contributingEventIds.includes(id)),
    );
    const trained = targetOf(q, 'trained-2030');
    expect(trained.actual - t(before.Q, 'trained-2030')).toBe(4);
    expect(trained.contributingEventIds).not.toContain(a1again.id);
    expect(trained.contributingEventIds).not.toContain(phanrang.id);
    expect(trained.required).toBe(501);
    expect(trained.status).toMatch(/on-track|at-risk/);
    // As recorded (bitemporal): the facts happened in 2025, but the platform recorded them only now,
    // so a report printed yesterday could not have counted them.
    const printedYesterday = (await api('qn.admin', 'GET', `/plans/${Q}/progress?asOf=${asOf}&recordedBy=${vnDate(-1)}`)).body;
    expect(printedYesterday.recordedBy).toBeDefined();
    expect(targetOf(printedYesterday, 'trained-2030').contributingEventIds).not.toContain(a1.id);
    const recordedNow = (await api('qn.admin', 'GET', `/plans/${Q}/progress?asOf=${asOf}&recordedBy=${encodeURIComponent(new Date().toISOString())}`)).body;
    expect(targetOf(recordedNow, 'trained-2030').contributingEventIds).toEqual(expect.arrayContaining(mine));
    expect((await api('qn.admin', 'GET', `/plans/${Q}/progress?recordedBy=yesterday`)).status).toBe(400);
    // per unit, rolled up: Ngọk Bay → Quảng Ngãi; Kon Tum's city and province (lineage) → Quảng Ngãi
    expect(unitOf(trained, '51-NGOKBAY').contributingEventIds).toEqual(expect.arrayContaining([a1.id, a2.id]));
    expect(unitOf(trained, '51-DAKCAM').contributingEventIds).toContain(dakcam.id);
    expect(unitOf(trained, '62-KONTUM-CITY').contributingEventIds).toContain(kontum.id);
    expect(unitOf(trained, '62').contributingEventIds).toContain(kontum.id);
    expect(unitOf(trained, '51').contributingEventIds).toEqual(expect.arrayContaining(mine));
    expect(trained.byUnit[0].unit).toBe('51');
    expect(unitOf(trained, '51').actual).toBe(trained.actual);
    const pilot = targetOf(q, 'pilot-2030');
    expect(pilot.actual - t(before.Q, 'pilot-2030')).toBe(2);
    expect(pilot.contributingEventIds).toEqual(expect.arrayContaining([e1.id, e2.id]));

    // the commune plan: its own unit's facts, from its issue date (15/08/2025), plus what names it
    const c = await eventually(
      () => progress(C, 'ngokbay.officer'),
      (b) => targetOf(b, 'pilot-2030').contributingEventIds.includes(e2.id),
    );
    const cTrained = targetOf(c, 'trained-2030');
    expect(cTrained.actual - t(before.C, 'trained-2030')).toBe(2);
    expect(cTrained.contributingEventIds).toEqual(expect.arrayContaining([a1.id, a2.id]));
    expect(cTrained.contributingEventIds).not.toContain(kontum.id);
    expect(cTrained.contributingEventIds).not.toContain(dakcam.id);
    const cPilot = targetOf(c, 'pilot-2030');
    expect(cPilot.actual - t(before.C, 'pilot-2030')).toBe(2); // e1 by unit, e2 by the document rule
    expect(unitOf(cPilot, '51-NGOKBAY').contributingEventIds).toEqual(expect.arrayContaining([e1.id, e2.id]));

    // stored once per event id, whatever the redeliveries
    expect(await svc.readModels.collection('contributions').countDocuments({ _id: { $in: [a1.id, e1.id] } })).toBe(2);

    // the contributions behind a count, paginated, with their source
    const list = await api('qn.admin', 'GET', `/plans/${Q}/progress/trained-2030/contributions?asOf=${asOf}&unit=62&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { eventId: string }) => i.eventId)).toContain(kontum.id);
    const k = list.body.items.find((i: { eventId: string }) => i.eventId === kontum.id);
    expect(k).toMatchObject({ type: 'TraineeCompleted', sourceService: 'training', unit: '62-KONTUM-CITY', occurredAt: '2025-06-25T03:00:00.000Z' });
    expect(k.occurredAtDisplay).toMatch(/^25\/06\/2025/);
    const page2 = await api('qn.admin', 'GET', `/plans/${Q}/progress/trained-2030/contributions?asOf=${asOf}&page=1&pageSize=1`);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.total).toBe(trained.actual);

    // the summary per unit for a year
    const sum = await api('qn.admin', 'GET', '/progress?unit=51&indicator=trained-person-times&year=2025');
    expect(sum.status).toBe(200);
    expect(sum.body.contributingEventIds).toEqual(expect.arrayContaining(mine));
    expect(sum.body.byUnit.find((u: { unit: string }) => u.unit === '51-NGOKBAY').actual).toBeGreaterThanOrEqual(2);
    expect(sum.body.window.display).toBe('01/01/2025 – 31/12/2025');

    // From the running totals (decision 0016; no inline trail) the figures are the fold's: with
    // ?recordedBy= every fact is folded, as every read was before.
    const figures = (b: any) =>
      b.targets.map((x: any) => ({ targetId: x.targetId, actual: x.actual, status: x.status, breakdown: x.breakdown, contributingEvents: x.contributingEvents, byUnit: x.byUnit.map((u: any) => [u.unit, u.actual, u.contributingEvents]) }));
    process.env.PROGRESS_TRAIL_INLINE = '0';
    try {
      for (const [planId, user] of [[Q, 'qn.admin'], [C, 'ngokbay.officer']]) {
        const folded = (await api(user, 'GET', `/plans/${planId}/progress?asOf=${asOf}&recordedBy=${encodeURIComponent(new Date().toISOString())}`)).body;
        const fromTallies = (await api(user, 'GET', `/plans/${planId}/progress?asOf=${asOf}`)).body;
        expect(figures(fromTallies)).toEqual(figures(folded));
        expect(targetOf(fromTallies, 'trained-2030').contributingEvents).toBeGreaterThanOrEqual(2);
        expect(targetOf(fromTallies, 'trained-2030').contributingEventIds).toBeUndefined();
      }
      const yearFromTallies = (await api('qn.admin', 'GET', '/progress?unit=51&indicator=trained-person-times&year=2025')).body;
      expect(yearFromTallies).toMatchObject({ actual: sum.body.actual, contributingEvents: sum.body.contributingEventIds.length });
    } finally {
      delete process.env.PROGRESS_TRAIL_INLINE;
    }
  });

  it('dead-letters a counted event it cannot map, with the reason, and carries on', async () => {
    const bad = completion('99-NOWHERE', `p-x-${run}`, `k9-${run}`, '2025-09-10');
    const good = completion('51-NGOKBAY', `p-y-${run}`, `k10-${run}`, '2025-09-13');
    await feed.publish('training', bad, good);
    const after = await eventually(
      () => progress(C, 'ngokbay.officer'),
      (b) => targetOf(b, 'trained-2030').contributingEventIds.includes(good.id),
    );
    expect(targetOf(after, 'trained-2030').contributingEventIds).toContain(good.id);
    const record = await eventually(
      () => svc.readModels.collection('processed_events').findOne({ _id: `plans.contributions:${bad.id}` }),
      (r) => r !== null,
    );
    expect(record).toMatchObject({ status: 'dead-lettered', error: expect.stringContaining('99-NOWHERE') });
    const dlq = await feed.findDeadLetter(deadLetterTopic(eventsTopic('training')), (h) => h['event-id'] === bad.id);
    expect(dlq?.['dlq-error']).toContain('unknown administrative unit "99-NOWHERE"');
    expect(dlq?.['dlq-consumer']).toBe('plans.contributions');
    expect(await svc.readModels.collection('contributions').countDocuments({ _id: bad.id })).toBe(0);
  });

  it('records statistics for reported targets with their source; refuses what does not fit and writes nothing', async () => {
    const events = () => svc.events.countCommits();
    const n0 = await events();
    const refused = [
      await api('qn.admin', 'POST', `/plans/${Q}/targets/trained-2030/reported-values`, { value: 10, year: 2025, source: 'x' }), // counted target
      await api('qn.admin', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: 6.8, year: 2031, source: 'Cục Thống kê' }), // after the milestone
      await api('qn.admin', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: 6.8, year: 2025, source: ' ' }), // no source
      await api('qn.admin', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: 'nhiều', year: 2025, source: 'x' }), // not a number
      await api('qn.admin', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: 6.8, year: 2025, source: 'x', unit: '56' }), // outside the actor's unit
      await api('qn.admin', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: -150, year: 2025, source: 'x' }), // growth below -100 %
      await api('qn.admin', 'POST', `/plans/${Q}/targets/nope/reported-values`, { value: 6.8, year: 2025, source: 'x' }),
      await api('dakcam.officer', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: 6.8, year: 2025, source: 'x' }), // not the plan's unit
      await api('auditor.vn', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: 6.8, year: 2025, source: 'x' }),
    ];
    expect(refused.map((r) => r.status)).toEqual([422, 422, 422, 400, 403, 422, 404, 403, 403]);
    expect(refused[0].body.message).toContain('counted from the other services');
    expect(await events()).toBe(n0);

    const ok = await api('qn.admin', 'POST', `/plans/${Q}/targets/labour-2025/reported-values`, { value: 6.8, year: 2025, source: 'Cục Thống kê tỉnh Quảng Ngãi, Niên giám thống kê 2025', reason: 'Số liệu chính thức' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ indicator: 'labour-productivity-growth', unit: '51', year: 2025, value: 6.8, valueDisplay: '6,8', reportedBy: 'qn.admin' });
    const now = await api('qn.admin', 'GET', `/plans/${Q}/progress`);
    const labour = targetOf(now.body, 'labour-2025');
    expect(labour).toMatchObject({ actual: 6.8, status: 'achieved', contributingEventIds: [ok.body.eventId] });
    expect(labour.reported.source).toContain('Niên giám');
  });

  it('reads progress for the plan’s officers, those above, auditors; not for enterprises or other communes; bad inputs answer 4xx', async () => {
    expect((await api('ngokbay.officer', 'GET', `/plans/${Q}/progress?asOf=${asOf}`)).status).toBe(200); // commune within the province plan
    expect((await api('qn.admin', 'GET', `/plans/${C}/progress?asOf=${asOf}`)).status).toBe(200); // the province above the commune
    expect((await api('auditor.vn', 'GET', `/plans/${C}/progress?asOf=${asOf}`)).status).toBe(200);
    expect((await api('ent.ngokbay', 'GET', `/plans/${C}/progress?asOf=${asOf}`)).status).toBe(403);
    expect((await api('dakcam.officer', 'GET', `/plans/${C}/progress?asOf=${asOf}`)).status).toBe(403);
    expect((await api('kh.admin', 'GET', `/plans/${Q}/progress`)).status).toBe(403);
    expect((await api(null, 'GET', `/plans/${Q}/progress`)).status).toBe(401);
    expect((await api('qn.admin', 'GET', `/plans/${Q}/progress?asOf=32/13/2025`)).status).toBe(400); // malformed: 400, as every date on every service
    expect((await api('qn.admin', 'GET', `/plans/${Q}/progress?asOf=01/01/2025`)).status).toBe(422); // not yet issued
    expect((await api('qn.admin', 'GET', '/plans/no-such-plan/progress')).status).toBe(404);
    expect((await api('qn.admin', 'GET', `/plans/${Q}/progress/nope/contributions`)).status).toBe(404);
    expect((await api('qn.admin', 'GET', '/progress?unit=51&indicator=tfp-contribution')).status).toBe(422);
    expect((await api('qn.admin', 'GET', '/progress?unit=99&indicator=awards')).status).toBe(422);
    expect((await api('qn.admin', 'GET', '/progress?unit=51&indicator=awards&year=abc')).status).toBe(400);
    expect((await api('kh.admin', 'GET', '/progress?unit=51&indicator=awards')).status).toBe(403);
  });
});
