import { tokenFor } from '@nangsuat/auth/testing';
import { startServiceForTest, ServiceTestApp, apiClient, commitCount, storedEvents, ddmmyyyy, eventually, vnDate } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';

/**
 * Courses end to end through the HTTP API of a real training service (FerretDB, Kafka, Keycloak;
 * real tokens): schedule → register → attendance → complete → person-times; capacity and the
 * waiting list under concurrent registration; bad input and access refusals write nothing.
 */
describe('training: courses (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const today = vnDate();
  const trainee = (personId: string, organisationType = 'cooperative') => ({
    personId,
    fullName: `Học viên ${personId}`,
    organisationType,
    organisationName: 'HTX Nông nghiệp Ngọk Bay',
  });
  const schedule = (courseId: string, extra: Record<string, unknown> = {}) =>
    api('ngokbay.officer', 'POST', '/courses', {
      courseId,
      unitCode: '51-NGOKBAY',
      topic: 'Tập huấn áp dụng công cụ 5S cho hợp tác xã',
      startDate: ddmmyyyy(today),
      endDate: vnDate(2),
      capacity: 3,
      trainerId: 'ngokbay.trainer',
      sessions: [{ sessionId: 's1', date: today }, { sessionId: 's2', date: vnDate(1) }],
      minAttendedSessions: 1,
      planDocumentNumber: '138/KH-UBND',
      ...extra,
    });

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'training', rootModule: AppModule });
    api = apiClient(svc.url);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('schedules a course (dates dd/mm/yyyy), shows it in the catalogue, and finds it without diacritics', async () => {
    const res = await schedule('slice-1');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ courseId: 'slice-1', unitCode: '51-NGOKBAY', status: 'scheduled', startDate: today, capacity: 3, counts: { registered: 0 } });
    expect(res.body.display.startDate).toBe(ddmmyyyy(today));
    const list = await eventually(
      () => api('qn.admin', 'GET', '/courses?unit=51&q=cong%20cu%205s'),
      (r) => r.body?.total >= 1,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { courseId: string }) => c.courseId)).toContain('slice-1');
    expect(list.body.items[0].registered).toBeUndefined(); // catalogue: no trainee names
    const other = await api('qn.admin', 'GET', '/courses?unit=56');
    expect(other.body.items.map((c: { courseId: string }) => c.courseId)).not.toContain('slice-1');
  });

  it('runs the workflow and counts person-times: one person on two courses twice, twice on one course once', async () => {
    expect((await schedule('pt-a')).status).toBe(201);
    expect((await schedule('pt-b')).status).toBe(201);
    for (const c of ['pt-a', 'pt-b']) {
      const reg = await api('ngokbay.officer', 'POST', `/courses/${c}/registrations`, trainee('p-hoa'));
      expect(reg.status).toBe(201);
      expect(reg.body).toMatchObject({ status: 'registered', waitlisted: false });
      const att = await api('ngokbay.trainer', 'POST', `/courses/${c}/attendance`, { sessionId: 's1', personId: 'p-hoa' });
      expect(att.status).toBe(200);
      expect(att.body.recorded).toBe(true);
      const done = await api('ngokbay.trainer', 'POST', `/courses/${c}/completions`, { personId: 'p-hoa' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ counted: true, completedOn: today });
    }
    // the same person completing pt-a again: counted once
    const again = await api('ngokbay.trainer', 'POST', '/courses/pt-a/completions', { personId: 'p-hoa' });
    expect(again.status).toBe(200);
    expect(again.body.counted).toBe(false);
    // a second person on pt-a
    await api('ngokbay.officer', 'POST', '/courses/pt-a/registrations', trainee('p-lan', 'enterprise'));
    await api('ngokbay.trainer', 'POST', '/courses/pt-a/attendance', { sessionId: 's1', personId: 'p-lan' });
    await api('ngokbay.trainer', 'POST', '/courses/pt-a/completions', { personId: 'p-lan' });

    const detail = await api('ngokbay.officer', 'GET', '/courses/pt-a');
    expect(detail.status).toBe(200);
    expect(detail.body.completions.map((c: { personId: string }) => c.personId).sort()).toEqual(['p-hoa', 'p-lan']);
    expect(detail.body.attendance.find((s: { sessionId: string }) => s.sessionId === 's1').present.sort()).toEqual(['p-hoa', 'p-lan']);
    expect(detail.body.personTimes).toBe(2);

    const pt = await eventually(
      () => api('qn.admin', 'GET', `/person-times?unit=51&from=${ddmmyyyy(today)}&to=${today}`),
      (r) => r.body?.personTimes === 3,
    );
    expect(pt.status).toBe(200);
    expect(pt.body).toMatchObject({ unit: '51', personTimes: 3, distinctPersons: 2, byOrganisationType: { cooperative: 2, enterprise: 1 } });
    const elsewhere = await api('kh.admin', 'GET', '/person-times?unit=56');
    expect(elsewhere.body.personTimes).toBe(0);
    const before = await api('qn.admin', 'GET', `/person-times?unit=51&to=${vnDate(-1)}`);
    expect(before.body.personTimes).toBe(0);
  });

  it('holds capacity and the waiting list under 10 concurrent registrations; a cancellation promotes the first waiting', async () => {
    expect((await schedule('rush', { capacity: 3 })).status).toBe(201);
    const people = Array.from({ length: 10 }, (_, i) => `p-rush-${i}`);
    const results = await Promise.all(people.map((p) => api('ngokbay.officer', 'POST', '/courses/rush/registrations', trainee(p))));
    expect(results.map((r) => r.status)).toEqual(people.map(() => 201));
    expect(results.filter((r) => r.body.status === 'registered')).toHaveLength(3);
    expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(7);
    const positions = results.filter((r) => r.body.waitlisted).map((r) => r.body.waitlistPosition).sort((a, b) => a - b);
    expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const course = await api('ngokbay.officer', 'GET', '/courses/rush');
    expect(course.body.counts).toMatchObject({ registered: 3, waitlisted: 7, seatsLeft: 0 });
    const all = [...course.body.registered, ...course.body.waitlist].map((t: { personId: string }) => t.personId);
    expect(new Set(all).size).toBe(10);
    expect(all.sort()).toEqual([...people].sort());

    const firstWaiting = course.body.waitlist[0].personId;
    const leaving = course.body.registered[0].personId;
    const cancel = await api('ngokbay.officer', 'POST', `/courses/rush/registrations/${leaving}/cancel`, { reason: 'Bận công tác' });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 'cancelled', promoted: firstWaiting });
    expect(cancel.body.course.counts).toMatchObject({ registered: 3, waitlisted: 6, cancelled: 1 });
    const dup = await api('ngokbay.officer', 'POST', '/courses/rush/registrations', trainee(course.body.waitlist[1].personId));
    expect(dup.status).toBe(409);
  });

  it('honours Idempotency-Key: a repeated POST returns the first result and writes nothing', async () => {
    const headers = { 'Idempotency-Key': 'idem-course-0001' };
    const body = {
      courseId: 'idem-1', unitCode: '51-NGOKBAY', topic: 'Chuyển đổi số', startDate: today, endDate: today, capacity: 5, trainerId: 'ngokbay.trainer',
    };
    const first = await api('ngokbay.officer', 'POST', '/courses', body, headers);
    expect(first.status).toBe(201);
    const before = await commitCount(svc.events);
    const second = await api('ngokbay.officer', 'POST', '/courses', body, headers);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ courseId: 'idem-1', duplicate: true });
    const reg1 = await api('ngokbay.officer', 'POST', '/courses/idem-1/registrations', trainee('p-idem'), { 'Idempotency-Key': 'idem-reg-0001' });
    const reg2 = await api('ngokbay.officer', 'POST', '/courses/idem-1/registrations', trainee('p-idem'), { 'Idempotency-Key': 'idem-reg-0001' });
    expect([reg1.status, reg2.status]).toEqual([201, 201]);
    expect(reg2.body).toMatchObject({ status: 'registered', duplicate: true });
    expect(await commitCount(svc.events)).toBe(before + 1);
  });

  it('refuses bad input with 4xx and actionable messages, writing nothing', async () => {
    expect((await schedule('bad-base')).status).toBe(201);
    const before = await commitCount(svc.events);
    const raw = async (body: string) => {
      const res = await fetch(`${svc.url}/courses/bad-base/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('ngokbay.officer')}` },
        body,
      });
      return { status: res.status, body: (await res.json()) as { message: string } };
    };
    const malformed = await raw('{"personId": "p-x", ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/not valid JSON/);

    const cases: [string, string, unknown, number, RegExp][] = [
      ['unknown organisation type', '/courses/bad-base/registrations', { ...trainee('p-x'), organisationType: 'ministry' }, 400, /organisationType must be one of/],
      ['wrong type', '/courses/bad-base/registrations', { ...trainee('p-x'), fullName: 42 }, 400, /fullName/],
      ['operator injection', '/courses/bad-base/registrations', { ...trainee('p-x'), personId: { $gt: '' } }, 400, /\$gt/],
      ['raw citizen id as personId', '/courses/bad-base/registrations', trainee('051095001234'), 422, /citizen/],
      ['unknown field', '/courses/bad-base/registrations', { ...trainee('p-x'), admin: true }, 400, /admin/],
      ['negative capacity', '/courses', { unitCode: '51-NGOKBAY', topic: 'x', startDate: today, endDate: today, capacity: -3, trainerId: 't' }, 400, /capacity/],
      ['unknown unit', '/courses', { unitCode: '99-NOWHERE', topic: 'x', startDate: today, endDate: today, capacity: 3, trainerId: 't' }, 422, /not a known administrative unit/],
      ['impossible date', '/courses', { unitCode: '51-NGOKBAY', topic: 'x', startDate: '31/02/2025', endDate: today, capacity: 3, trainerId: 't' }, 400, /startDate/],
      ['end before start', '/courses', { unitCode: '51-NGOKBAY', topic: 'x', startDate: today, endDate: vnDate(-3), capacity: 3, trainerId: 't' }, 422, /before startDate/],
      ['attendance of an unregistered person', '/courses/bad-base/attendance', { sessionId: 's1', personId: 'p-nobody' }, 404, /not registered/],
      ['attendance of a future session', '/courses/bad-base/attendance', { sessionId: 's2', personId: 'p-nobody' }, 404, /not registered/],
      ['completion without attendance', '/courses/bad-base/completions', { personId: 'p-nobody' }, 404, /not registered/],
      ['cancel course without reason', '/courses/bad-base/cancel', {}, 400, /reason/],
      ['unknown course', '/courses/no-such-course/registrations', trainee('p-x'), 404, /does not exist/],
    ];
    for (const [name, path, body, status, message] of cases) {
      const user = path.includes('attendance') || path.includes('completions') ? 'ngokbay.trainer' : 'ngokbay.officer';
      const res = await api(user, 'POST', path, body);
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    // completion without enough attendance
    await api('ngokbay.officer', 'POST', '/courses/bad-base/registrations', trainee('p-absent'));
    const mid = await commitCount(svc.events);
    const noAttendance = await api('ngokbay.trainer', 'POST', '/courses/bad-base/completions', { personId: 'p-absent' });
    expect(noAttendance.status).toBe(422);
    expect(noAttendance.body.message).toMatch(/attended 0 of the 1 sessions/);
    const future = await api('ngokbay.trainer', 'POST', '/courses/bad-base/attendance', { sessionId: 's2', personId: 'p-absent' });
    expect(future.status).toBe(422);
    expect(await commitCount(svc.events)).toBe(mid);
    expect(mid).toBe(before + 1);
  });

  it('refuses writes outside the actor\'s unit (403), by auditors (403) and by the wrong role (403), writing nothing', async () => {
    expect((await schedule('scope-1')).status).toBe(201);
    const before = await commitCount(svc.events);
    const outside = await api('dakcam.officer', 'POST', '/courses/scope-1/registrations', trainee('p-x'));
    expect(outside.status).toBe(403);
    expect(outside.body.message).toMatch(/outside your unit/);
    const scheduleOutside = await api('dakcam.officer', 'POST', '/courses', {
      unitCode: '51-NGOKBAY', topic: 'x', startDate: today, endDate: today, capacity: 3, trainerId: 't',
    });
    expect(scheduleOutside.status).toBe(403);
    const otherProvince = await api('kh.trainer', 'POST', '/courses/scope-1/attendance', { sessionId: 's1', personId: 'p-x' });
    expect(otherProvince.status).toBe(403);
    const auditor = await api('auditor.vn', 'POST', '/courses/scope-1/registrations', trainee('p-x'));
    expect(auditor.status).toBe(403);
    const enterprise = await api('ent.ngokbay', 'POST', '/courses', { unitCode: '51-NGOKBAY', topic: 'x', startDate: today, endDate: today, capacity: 3, trainerId: 't' });
    expect(enterprise.status).toBe(403);
    const readOutside = await api('kh.admin', 'GET', '/courses/scope-1');
    expect(readOutside.status).toBe(403);
    expect((await api('auditor.vn', 'GET', '/courses/scope-1')).status).toBe(200);
    expect(await commitCount(svc.events)).toBe(before);
  });

  it('records actor id, username and unit on every event', async () => {
    const commits = await storedEvents(svc.events, 'course-pt-a');
    expect(commits.length).toBeGreaterThan(3);
    for (const commit of commits) {
      expect(commit.metadata.unit).toBe('51-NGOKBAY');
      expect(commit.metadata.actor.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(['ngokbay.officer', 'ngokbay.trainer']).toContain(commit.metadata.actor.username);
    }
    const [cancel] = await storedEvents(svc.events, 'course-rush', 'RegistrationCancelled');
    expect(cancel?.metadata.reason).toBe('Bận công tác');
  });
});
