import { trainingAwards } from './access-matrix';
import { call, tokenFor } from './support/platform';

/**
 * Training against the running platform (scripts/up.sh): a course run end to end through the API
 * with real tokens, person-times read back from the read model, capacity under a burst of
 * concurrent registrations, an expert certification granted and revoked.
 */
describe('training e2e', () => {
  const run = trainingAwards.run;
  const today = trainingAwards.today();
  const as = async (username: string, method: string, path: string, body?: unknown) => call('training', method, path, { token: await tokenFor(username), body });
  const until = async (probe: () => Promise<{ status: number; body: any }>, ok: (b: any) => boolean) => {
    for (let i = 0; i < 150; i++) {
      const res = await probe();
      if (res.status === 200 && ok(res.body)) return res;
      await new Promise((r) => setTimeout(r, 200));
    }
    return probe();
  };

  it('runs a course: schedule → register (waitlist beyond capacity) → attendance → completion → person-times', async () => {
    const courseId = `e2e-course-${run}`;
    const scheduled = await as('ngokbay.officer', 'POST', '/courses', {
      courseId,
      unitCode: '51-NGOKBAY',
      topic: 'Tập huấn chuyển đổi số cho hợp tác xã',
      startDate: `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`,
      endDate: trainingAwards.today(1),
      capacity: 2,
      trainerId: 'ngokbay.trainer',
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body.sessions).toHaveLength(2);
    const before = await as('qn.admin', 'GET', '/person-times?unit=51-NGOKBAY');
    expect(before.status).toBe(200);

    const people = ['a', 'b', 'c', 'd', 'e'].map((x) => `p-e2e-${run}-${x}`);
    const regs = await Promise.all(
      people.map((personId) =>
        as('ngokbay.officer', 'POST', `/courses/${courseId}/registrations`, { personId, fullName: `Học viên ${personId}`, organisationType: 'cooperative', organisationName: 'HTX Ngọk Bay' }),
      ),
    );
    expect(regs.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(regs.filter((r) => r.body.status === 'registered')).toHaveLength(2);
    expect(regs.filter((r) => r.body.status === 'waitlisted')).toHaveLength(3);
    const registered = regs.filter((r) => r.body.status === 'registered').map((r) => r.body.personId as string);

    for (const personId of registered) {
      expect((await as('ngokbay.trainer', 'POST', `/courses/${courseId}/attendance`, { sessionId: 's1', personId })).status).toBe(200);
      const done = await as('ngokbay.trainer', 'POST', `/courses/${courseId}/completions`, { personId });
      expect(done.status).toBe(200);
      expect(done.body.counted).toBe(true);
    }
    const after = await until(
      () => as('qn.admin', 'GET', '/person-times?unit=51-NGOKBAY'),
      (b) => b.personTimes === before.body.personTimes + 2,
    );
    expect(after.body.personTimes).toBe(before.body.personTimes + 2);

    const catalogue = await until(() => as('ent.ngokbay', 'GET', `/courses?unit=51&q=chuyen%20doi%20so`), (b) => b.items.some((c: any) => c.courseId === courseId));
    expect(catalogue.body.items.find((c: any) => c.courseId === courseId).counts).toMatchObject({ registered: 0, completed: 2, waitlisted: 3 });
    expect((await as('auditor.vn', 'POST', `/courses/${courseId}/cancel`, { reason: 'x' })).status).toBe(403);
    expect((await as('dakcam.officer', 'POST', `/courses/${courseId}/registrations`, { personId: 'p-x', fullName: 'X', organisationType: 'college', organisationName: 'Y' })).status).toBe(403);
  });

  it('certifies a productivity expert and revokes the certificate with a reason', async () => {
    const certificationId = await trainingAwards.assessedCertification();
    const granted = await as('qn.assessor', 'POST', `/certifications/${certificationId}/grant`, { certificateNumber: `CGNS-${certificationId}` });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ status: 'certified', activeToday: true });
    const active = await until(() => as('qn.admin', 'GET', '/certifications?status=active&unit=51'), (b) => b.items.some((c: any) => c.certificationId === certificationId));
    expect(active.body.distinctPersons).toBeGreaterThanOrEqual(1);
    const revoked = await as('qn.assessor', 'POST', `/certifications/${certificationId}/revoke`, { reason: 'Hồ sơ không trung thực' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revocation.reason).toBe('Hồ sơ không trung thực');
    const standards = await as('ent.ngokbay', 'GET', '/certification-standards');
    expect(standards.body.items[0].provenance).toBe('illustrative');
  });
});
