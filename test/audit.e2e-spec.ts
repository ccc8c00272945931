import { supportPrograms } from './access-matrix';
import { call, tokenFor } from './support/platform';

/**
 * The audit service against the running platform (scripts/up.sh): what a service's API showed at a
 * moment is captured, the record is changed, and later the audit's "state as of" that moment —
 * rebuilt from the ledger (fed over Kafka) through the owning domain's evolve — must say the same.
 */
const as = async (user: string) => ({ token: await tokenFor(user) });

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, attempts = 150): Promise<T> {
  let last = await read();
  for (let i = 1; i < attempts && !accept(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

const comparable = (p: { name: string; status: string; capacity: number; unitCode: string; openingDate: string; closingDate: string; toolsOffered: string[] }) => ({
  name: p.name,
  status: p.status,
  capacity: p.capacity,
  unitCode: p.unitCode,
  openingDate: p.openingDate,
  closingDate: p.closingDate,
  toolsOffered: [...p.toolsOffered].sort(),
});

const fromState = (s: { status: string; unitCode: string; terms: { name: string; capacity: number; openingDate: string; closingDate: string; toolsOffered: string[] } }) => ({
  name: s.terms.name,
  status: s.status,
  capacity: s.terms.capacity,
  unitCode: s.unitCode,
  openingDate: s.terms.openingDate,
  closingDate: s.terms.closingDate,
  toolsOffered: [...s.terms.toolsOffered].sort(),
});

describe('audit end to end', () => {
  it('the state as of a moment equals what the owning service showed at that moment', async () => {
    const programmeId = await supportPrograms.ngokBayProgramme({ name: 'Chương trình kiểm toán mô hình điểm Ngọk Bay', capacity: 3 });
    const streamId = `support-programme-${programmeId}`;

    // Capture what the support-programs API shows, and when.
    const admin = await as('qn.admin');
    const shown = await eventually(() => call('support-programs', 'GET', `/programmes/${programmeId}`, admin), (r) => r.status === 200);
    const capturedAt = new Date().toISOString();
    expect(shown.body.capacity).toBe(3);

    // Change it afterwards (a later event of the same stream).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const changed = await call('support-programs', 'PATCH', `/programmes/${programmeId}`, { ...admin, body: { capacity: 5, reason: 'Mở rộng số doanh nghiệp tham gia' } });
    expect(changed.status).toBe(200);

    // The ledger receives both events over Kafka.
    const auditor = await as('auditor.vn');
    const timeline = await eventually(() => call('audit', 'GET', `/audit/streams/${encodeURIComponent(streamId)}/timeline`, auditor), (r) => r.status === 200 && r.body.total >= 2);
    expect(timeline.body.items[1]).toMatchObject({ who: { username: 'qn.admin' }, reason: 'Mở rộng số doanh nghiệp tham gia' });

    const then = await call('audit', 'GET', `/audit/streams/${encodeURIComponent(streamId)}/state?asOf=${encodeURIComponent(capturedAt)}`, auditor);
    expect(then.status).toBe(200);
    expect(fromState(then.body.state)).toEqual(comparable(shown.body));

    const nowShown = await eventually(() => call('support-programs', 'GET', `/programmes/${programmeId}`, admin), (r) => r.body?.capacity === 5);
    const now = await call('audit', 'GET', `/audit/streams/${encodeURIComponent(streamId)}/state`, auditor);
    expect(fromState(now.body.state)).toEqual(comparable(nowShown.body));

    // The ledger's copy of the stream verifies, and nobody but an auditor may read it.
    expect((await call('audit', 'GET', `/audit/streams/${encodeURIComponent(streamId)}/verify`, auditor)).body).toMatchObject({ ok: true });
    expect((await call('audit', 'GET', `/audit/streams/${encodeURIComponent(streamId)}/state`, admin)).status).toBe(403);
  });

  it('an auditor cannot write anywhere (403 from every service)', async () => {
    const auditor = await as('auditor.vn');
    const programmeId = await supportPrograms.ngokBayProgramme({ name: 'Chương trình kiểm toán (ghi bị từ chối)', capacity: 1 });
    expect((await call('support-programs', 'PATCH', `/programmes/${programmeId}`, { ...auditor, body: { capacity: 9 } })).status).toBe(403);
    expect((await call('support-programs', 'POST', '/programmes', { ...auditor, body: {} })).status).toBe(403);
    expect((await call('audit', 'POST', '/audit/backfill/plans', auditor)).status).toBe(403);
  });

  it("the count trail of an indicator fed by recorded achievements ends at the plans progress API's figure", async () => {
    const auditor = await tokenFor('auditor.vn');
    // The demo's verified achievements of 4009/KH-UBND (Ninh Thuận, unit 58): productivity clubs.
    const progress = (await call('plans', 'GET', '/plans/ninh-thuan-4009-2023/progress', { token: auditor })).body;
    const target = progress.targets.find((t: { indicator: string }) => t.indicator === 'productivity-clubs');
    expect(target.actual).toBeGreaterThan(0);
    let trail: { count: number; items: { type: string; delta: number }[]; description: string } | undefined;
    // The ledger follows the plans service over Kafka.
    for (let i = 0; i < 120; i++) {
      trail = (await call('audit', 'GET', '/audit/count-trail?metric=productivity-clubs&unit=58&pageSize=100', { token: auditor })).body;
      if (trail?.count === target.actual) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(trail!.count).toBe(target.actual);
    expect(trail!.description).toContain('Productivity-improvement clubs');
    expect(trail!.items.filter((s) => s.delta > 0).every((s) => s.type === 'AchievementVerified')).toBe(true);
  });
});
