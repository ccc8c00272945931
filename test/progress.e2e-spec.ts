import { supportPrograms, trainingAwards } from './access-matrix';
import { call, tokenFor } from './support/platform';

/**
 * Plans progress against the running platform (scripts/up.sh): a burst of concurrent activity in
 * training (registrations, attendance, completions on two courses) and support-programs
 * (registrations and approvals under several programmes) → the facts that the plans progress
 * counts for a Quảng Ngãi plan equal what those services hold. Restricted to this run's courses and
 * programmes (other suites work on the same platform); the projection is polled with a bounded wait,
 * nothing is timed.
 */
describe('plans progress e2e: counts equal what training and support-programs hold', () => {
  const run = trainingAwards.run;
  const today = trainingAwards.today();
  const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const as = async (service: 'plans' | 'training' | 'support-programs', username: string, method: string, path: string, body?: unknown) =>
    call(service, method, path, { token: await tokenFor(username), body });
  const planId = `e2e-progress-${run}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');

  /** Every fact counted for a target, page by page. */
  async function contributions(targetId: string): Promise<{ eventId: string; refId?: string; type: string; unit: string }[]> {
    const all: { eventId: string; refId?: string; type: string; unit: string }[] = [];
    for (let page = 1; ; page++) {
      const res = await as('plans', 'qn.admin', 'GET', `/plans/${planId}/progress/${targetId}/contributions?page=${page}&pageSize=100`);
      expect(res.status).toBe(200);
      all.push(...res.body.items);
      if (page * 100 >= res.body.total) return all;
    }
  }

  it('after a concurrent burst, the plan’s person-times and pilot-model approvals equal the services’ own counts', async () => {
    // Tokens first, one user at a time (a burst of concurrent password grants for one user is refused by Keycloak).
    for (const u of ['qn.admin', 'ngokbay.officer', 'ngokbay.trainer', 'ent.ngokbay']) await tokenFor(u);
    // A Quảng Ngãi plan issued today, so that this run's facts fall in its window.
    const drafted = await as('plans', 'qn.admin', 'POST', '/plans', {
      planId,
      content: {
        title: `Kế hoạch kiểm thử tiến độ ${run}`,
        issuingUnit: '51',
        horizonYears: [2030],
        generalObjectives: ['Kiểm thử'],
        targets: [
          { id: 'trained', indicator: 'trained-person-times', label: { vi: 'Lượt người được đào tạo', en: 'Person-times trained' }, unit: 'person-times', milestoneYear: 2030, comparison: 'more-than', value: 500, source: 'counted' },
          { id: 'pilot', indicator: 'pilot-model-enterprises', label: { vi: 'Doanh nghiệp có mô hình điểm', en: 'Enterprises with pilot models' }, unit: 'enterprises', milestoneYear: 2030, comparison: 'range', min: 5, max: 10, source: 'counted' },
        ],
      },
    });
    expect(drafted.status).toBe(201);
    const issued = await as('plans', 'qn.admin', 'POST', `/plans/${planId}/issue`, {
      documentNumber: `${10000 + Math.floor(Math.random() * 89999)}/KH-UBND`,
      issueDate: ddmmyyyy(today),
      signer: { name: 'Người ký kiểm thử' },
    });
    expect(issued.status).toBe(201);

    // Training: two courses, one in Ngọk Bay, one in Đăk Cấm; one person on both (counts twice).
    const courses = [
      { courseId: `e2e-progress-ngokbay-${run}`, unitCode: '51-NGOKBAY', officer: 'ngokbay.officer', trainer: 'ngokbay.trainer' },
      { courseId: `e2e-progress-dakcam-${run}`, unitCode: '51-DAKCAM', officer: 'qn.admin', trainer: 'qn.admin' },
    ];
    for (const c of courses) {
      const scheduled = await as('training', c.officer, 'POST', '/courses', {
        courseId: c.courseId,
        unitCode: c.unitCode,
        topic: 'Tập huấn năng suất (kiểm thử tiến độ)',
        startDate: today,
        endDate: trainingAwards.today(1),
        capacity: 10,
        trainerId: c.unitCode === '51-DAKCAM' ? 'qn.trainer' : c.trainer,
        sessions: [{ sessionId: 's1', date: today }],
        planDocumentNumber: '138/KH-UBND',
      });
      expect(scheduled.status).toBe(201);
    }
    const people = (c: (typeof courses)[number]) => [`p-shared-${run}`, ...[1, 2, 3, 4].map((i) => `p-${c.unitCode}-${i}-${run}`)];

    // Support programmes: three programmes of Ngọk Bay; the cooperative of ent.ngokbay registers for each.
    const enterpriseId = await supportPrograms.ngokBayEnterprise();
    const programmes = await Promise.all([1, 2, 3].map((i) => supportPrograms.ngokBayProgramme({ name: `Chương trình mô hình điểm kiểm thử ${run}-${i}`, capacity: 1 })));

    const trainingBurst = courses.map(async (c) => {
      const regs = await Promise.all(
        people(c).map((personId) =>
          as('training', c.officer, 'POST', `/courses/${c.courseId}/registrations`, { personId, fullName: `Học viên ${personId}`, organisationType: 'cooperative', organisationName: 'HTX' }),
        ),
      );
      expect(regs.map((r) => r.status)).toEqual(people(c).map(() => 201));
      await Promise.all(people(c).map((personId) => as('training', c.trainer, 'POST', `/courses/${c.courseId}/attendance`, { sessionId: 's1', personId })));
      // everyone completes, and two completions are sent twice at once: counted once each
      const done = await Promise.all([...people(c), ...people(c).slice(0, 2)].map((personId) => as('training', c.trainer, 'POST', `/courses/${c.courseId}/completions`, { personId })));
      expect(done.every((r) => r.status === 200)).toBe(true);
    });
    const supportBurst = programmes.map(async (programmeId) => {
      const submitted = await as('support-programs', 'ent.ngokbay', 'POST', `/programmes/${programmeId}/registrations`, { enterpriseId, tools: ['5s'], description: 'Mô hình 5S (kiểm thử tiến độ)' });
      expect(submitted.status).toBe(201);
      expect((await as('support-programs', 'ngokbay.officer', 'POST', `/registrations/${submitted.body.id}/review`)).status).toBe(200);
      // two approvals of the same registration race: one approves, the other changes nothing or is refused
      const approvals = await Promise.all([
        as('support-programs', 'ngokbay.officer', 'POST', `/registrations/${submitted.body.id}/approve`, {}),
        as('support-programs', 'qn.admin', 'POST', `/registrations/${submitted.body.id}/approve`, {}),
      ]);
      expect(approvals.some((r) => r.status === 200)).toBe(true);
    });
    await Promise.all([...trainingBurst, ...supportBurst]);

    // What the services hold.
    let personTimes = 0;
    for (const c of courses) {
      const course = await as('training', 'qn.admin', 'GET', `/courses/${c.courseId}`);
      expect(course.status).toBe(200);
      personTimes += course.body.counts.completed;
    }
    expect(personTimes).toBe(10);
    // The registration list is a read model: it follows the approvals within moments (bounded wait).
    const countApproved = async () => {
      let total = 0;
      for (const programmeId of programmes) {
        const regs = await as('support-programs', 'qn.admin', 'GET', `/registrations?programme=${programmeId}&status=approved`);
        expect(regs.status).toBe(200);
        total += regs.body.total;
      }
      return total;
    };
    let approved = await countApproved();
    for (let i = 0; i < 60 && approved !== programmes.length; i++) {
      await new Promise((r) => setTimeout(r, 500));
      approved = await countApproved();
    }
    expect(approved).toBe(programmes.length);

    // What plans counts from their events (bounded wait for the Kafka consumer).
    const courseIds = new Set(courses.map((c) => c.courseId));
    const mine = async () => ({
      trained: (await contributions('trained')).filter((c) => c.refId && courseIds.has(c.refId)),
      pilot: (await contributions('pilot')).filter((c) => programmes.some((p) => c.refId?.startsWith(`${p}:`))),
    });
    let seen = await mine();
    for (let i = 0; i < 120 && (seen.trained.length !== personTimes || seen.pilot.length !== approved); i++) {
      await new Promise((r) => setTimeout(r, 500));
      seen = await mine();
    }
    expect(seen.trained.length).toBe(personTimes);
    expect(seen.pilot.length).toBe(approved);
    expect(new Set(seen.trained.map((c) => c.eventId)).size).toBe(personTimes);
    expect(seen.trained.every((c) => c.type === 'TraineeCompleted')).toBe(true);
    expect(seen.pilot.every((c) => c.type === 'RegistrationApproved' && c.unit === '51-NGOKBAY')).toBe(true);

    // the plan's progress shows them, rolled up commune → province
    const progress = await as('plans', 'qn.admin', 'GET', `/plans/${planId}/progress`);
    expect(progress.status).toBe(200);
    const trained = progress.body.targets.find((t: { targetId: string }) => t.targetId === 'trained');
    expect(trained.actual).toBeGreaterThanOrEqual(personTimes);
    const byUnit = (unit: string) => trained.byUnit.find((u: { unit: string }) => u.unit === unit)?.contributingEventIds ?? [];
    expect(byUnit('51-NGOKBAY')).toEqual(expect.arrayContaining(seen.trained.filter((c) => c.unit === '51-NGOKBAY').map((c) => c.eventId)));
    expect(byUnit('51-DAKCAM')).toEqual(expect.arrayContaining(seen.trained.filter((c) => c.unit === '51-DAKCAM').map((c) => c.eventId)));
    expect(byUnit('51')).toEqual(expect.arrayContaining(seen.trained.map((c) => c.eventId)));
    // enterprises are counted once however many programmes they are in
    const pilot = progress.body.targets.find((t: { targetId: string }) => t.targetId === 'pilot');
    expect(pilot.contributingEventIds).toEqual(expect.arrayContaining(seen.pilot.map((c) => c.eventId)));
  });
});
