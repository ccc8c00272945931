import { startServiceForTest, ServiceTestApp, apiClient, commitCount, ddmmyyyy, vnDate } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';

/**
 * Idempotency-Key as the IETF draft describes it, through the HTTP API of a real training service:
 * scoped to the caller and the route; the same request again gets the first result (a record the
 * server named included); the same key with another request is refused with 422 and writes nothing.
 */
describe('training: Idempotency-Key on scheduling a course (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const course = (topic: string) => ({
    unitCode: '51-NGOKBAY',
    topic,
    startDate: ddmmyyyy(vnDate()),
    endDate: vnDate(2),
    capacity: 20,
    trainerId: 'ngokbay.trainer',
    sessions: [{ sessionId: 's1', date: vnDate() }],
    minAttendedSessions: 1,
  });
  const scheduleAs = (username: string, key: string, body: object) => api(username, 'POST', '/courses', body, { 'idempotency-key': key });

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'training', rootModule: AppModule });
    api = apiClient(svc.url);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('a retry without an id gets the same course; the key with another body is refused (422) and writes nothing', async () => {
    const first = await scheduleAs('ngokbay.officer', 'lop-5s-dot-1', course('Tập huấn 5S đợt 1'));
    expect(first.status).toBe(201);
    const courseId = first.body.courseId as string;
    const written = await commitCount(svc.events);

    const retry = await scheduleAs('ngokbay.officer', 'lop-5s-dot-1', course('Tập huấn 5S đợt 1'));
    expect(retry.status).toBeLessThan(300);
    expect(retry.body.courseId).toBe(courseId);

    const other = await scheduleAs('ngokbay.officer', 'lop-5s-dot-1', course('Tập huấn Kaizen'));
    expect(other.status).toBe(422);
    expect(other.body.message).toContain('lop-5s-dot-1');
    expect(await commitCount(svc.events)).toBe(written);
  });

  it('is scoped to the caller: another user with the same key makes their own course', async () => {
    const mine = await scheduleAs('ngokbay.officer', 'shared-key-42', course('Tập huấn năng suất xanh'));
    const theirs = await scheduleAs('qn.admin', 'shared-key-42', course('Tập huấn năng suất xanh'));
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.courseId).not.toBe(mine.body.courseId);
  });

  it('two copies of one request sent at once: both get the first result, one course is written', async () => {
    const before = await commitCount(svc.events);
    const [a, b] = await Promise.all([
      scheduleAs('ngokbay.officer', 'same-time-7', course('Tập huấn Lean')),
      scheduleAs('ngokbay.officer', 'same-time-7', course('Tập huấn Lean')),
    ]);
    expect([a.status, b.status].every((s) => s >= 200 && s < 300)).toBe(true);
    expect(a.body.courseId).toBe(b.body.courseId);
    expect(await commitCount(svc.events)).toBe(before + 1);
  });
});
