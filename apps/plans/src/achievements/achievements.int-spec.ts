import { startServiceForTest, ServiceTestApp, apiClient, eventually } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../app.module';
import { NINH_THUAN_4009_TARGETS, NINH_THUAN_ACHIEVEMENTS, NINH_THUAN_ORGANISATIONS } from '@nangsuat/contracts/plans';
import { issuePlan } from '../plans/progress/testing/progress-kit';

/**
 * The five targets of 4009/KH-UBND that no service counts reach their seed values through recorded
 * and verified achievements, against a real plans service (PostgreSQL event store, FerretDB, Kafka,
 * Keycloak; real tokens): an officer of the Department records, the People's Committee office
 * verifies, the verified facts travel over the plans topic to the progress consumer. A refused and a
 * withdrawn achievement do not count; who may verify, refuse and record is enforced.
 */
describe('plans: recorded achievements move the five targets of 4009/KH-UBND (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const planId = 'ninh-thuan-4009-achievements';
  const five = ['productivity-clubs-2025', 'st-tasks-2025', 'hospitals-advanced-tools-2025', 'schools-5s-2025', 'green-productivity-enterprises-2025'];
  const required: Record<string, number> = { 'productivity-clubs-2025': 1, 'st-tasks-2025': 4, 'hospitals-advanced-tools-2025': 7, 'schools-5s-2025': 10, 'green-productivity-enterprises-2025': 5 };
  const recorder = 'kh.department';
  const verifier = 'kh.admin';
  const ids: Record<string, string> = {};
  let refusedId = '';
  let withdrawnId = '';

  const progress = async () => (await api('kh.admin', 'GET', `/plans/${planId}/progress?asOf=31/12/2025`)).body;
  const targetOf = (body: any, id: string) => body.targets.find((t: { targetId: string }) => t.targetId === id);

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'plans', rootModule: AppModule });
    api = apiClient(svc.url);
    await issuePlan(api, 'kh.admin', {
      planId,
      unit: '58',
      title: 'Kế hoạch thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất tỉnh Ninh Thuận',
      documentNumber: '4009/KH-UBND',
      issueDate: '26/09/2023',
      horizonYears: [2025, 2030],
      targets: NINH_THUAN_4009_TARGETS.filter((t) => five.includes(t.id)),
    });
    for (const o of NINH_THUAN_ORGANISATIONS) {
      const r = await api(recorder, 'POST', '/organisations', o);
      if (r.status !== 201) throw new Error(`organisation ${o.organisationId}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    for (const a of NINH_THUAN_ACHIEVEMENTS) {
      const { key, ...body } = a;
      const r = await api(recorder, 'POST', '/achievements', { ...body, achievedOn: body.achievedOn.split('-').reverse().join('/') });
      if (r.status !== 201) throw new Error(`achievement ${key}: ${r.status} ${JSON.stringify(r.body)}`);
      ids[key] = r.body.achievementId;
    }
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('records pending achievements that do not count until verified', async () => {
    const club = await api('kh.admin', 'GET', `/achievements/${ids.club}`);
    expect(club.body).toMatchObject({ status: 'recorded', counts: false, indicator: 'productivity-clubs', unitCode: '58', organisationName: 'Trường Cao đẳng Nghề Ninh Thuận', achievedOnDisplay: '15/03/2024', recordedBy: recorder });
    // The list is a read model fed over Kafka: it catches up.
    const pending = await eventually(() => api('kh.admin', 'GET', '/achievements?unit=58&status=recorded&pageSize=100'), (r) => r.body.total === NINH_THUAN_ACHIEVEMENTS.length, 60_000);
    expect(pending.body.total).toBe(NINH_THUAN_ACHIEVEMENTS.length);
    expect(pending.body.items.map((i: { organisationName: string }) => i.organisationName)).toContain('Trường THPT chuyên Lê Quý Đôn');
    const search = await eventually(() => api('kh.admin', 'GET', '/organisations?unit=58&q=benh%20vien%20da%20khoa'), (r) => r.body.total >= 1, 60_000);
    expect(search.body.items[0]).toMatchObject({ organisationId: 'nt-bv-da-khoa', kind: 'hospital', unitName: expect.stringContaining('Ninh Thuận') });
    const before = await progress();
    for (const id of five) expect(targetOf(before, id).actual).toBe(0);
  });

  it('is verified by the unit above, never by the person who recorded it, and not by a unit outside', async () => {
    expect((await api(recorder, 'POST', `/achievements/${ids.club}/verification`, {})).status).toBe(403);
    const foreign = await api('qn.admin', 'POST', `/achievements/${ids.club}/verification`, {});
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toMatch(/outside your unit/);
    expect((await api('ngokbay.officer', 'POST', '/achievements', { ...NINH_THUAN_ACHIEVEMENTS[0], key: undefined, achievedOn: '15/03/2024' })).status).toBe(403);
    expect((await api('ent.ngokbay', 'POST', `/achievements/${ids.club}/verification`, {})).status).toBe(403);
  });

  it('refuses bad input with 4xx and a message naming the problem', async () => {
    const noReason = await api(verifier, 'POST', `/achievements/${ids.club}/refusal`, {});
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.message)).toMatch(/reason/);
    const notRecordable = await api(recorder, 'POST', '/achievements', { indicator: 'trained-person-times', organisationId: 'nt-cd-nghe', achievedOn: '01/04/2024', description: 'x', evidence: 'y' });
    expect(notRecordable.status).toBe(422);
    expect(notRecordable.body.message).toMatch(/counted from the services’ events/);
    const unknownOrg = await api(recorder, 'POST', '/achievements', { indicator: 'schools-5s', organisationId: 'no-such-school', achievedOn: '01/04/2024', description: 'x', evidence: 'y' });
    expect(unknownOrg.status).toBe(404);
    expect((await api(recorder, 'POST', '/achievements', { indicator: 'schools-5s', organisationId: 'nt-mn-hoa-sen', achievedOn: '31/02/2024', description: 'x', evidence: 'y' })).status).toBe(400);
  });

  it('the five targets reach their seed values through verified achievements; refused and withdrawn ones do not count', async () => {
    for (const a of NINH_THUAN_ACHIEVEMENTS) {
      const r = await api(verifier, 'POST', `/achievements/${ids[a.key]}/verification`, { note: 'Đã đối chiếu hồ sơ' });
      expect([r.status, r.body.status]).toEqual([200, 'verified']);
    }
    // An eleventh school refused, an eighth hospital verified then withdrawn.
    const school = await api(recorder, 'POST', '/achievements', { indicator: 'schools-5s', organisationId: 'nt-cd-nghe', achievedOn: '01/10/2024', description: 'Áp dụng 5S tại khu ký túc xá', evidence: 'Báo cáo của trường' });
    refusedId = school.body.achievementId;
    const refused = await api(verifier, 'POST', `/achievements/${refusedId}/refusal`, { reason: 'Trường cao đẳng không thuộc chỉ tiêu trường học; ghi vào chỉ tiêu khác' });
    expect(refused.body).toMatchObject({ status: 'refused', refusal: { reason: 'Trường cao đẳng không thuộc chỉ tiêu trường học; ghi vào chỉ tiêu khác', by: verifier } });
    const hospital = await api(recorder, 'POST', '/organisations', { organisationId: 'nt-pk-tu-nhan', name: 'Phòng khám tư nhân Phan Rang', kind: 'clinic', unitCode: '58' });
    expect(hospital.status).toBe(201);
    const extra = await api(recorder, 'POST', '/achievements', { indicator: 'hospitals-advanced-tools', organisationId: 'nt-pk-tu-nhan', achievedOn: '15/12/2024', description: 'Áp dụng ISO 9001', evidence: 'Giấy chứng nhận ISO 9001' });
    withdrawnId = extra.body.achievementId;
    expect((await api(verifier, 'POST', `/achievements/${withdrawnId}/verification`, {})).status).toBe(200);
    const withdrawn = await api(recorder, 'POST', `/achievements/${withdrawnId}/withdrawal`, { reason: 'Giấy chứng nhận đã hết hiệu lực trước khi ghi nhận' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', counts: false });

    // Only the verified facts count; the withdrawn one, counted for a moment, is taken back.
    const body = await eventually(
      progress,
      (b) => five.every((id) => targetOf(b, id).actual === required[id]) && targetOf(b, 'hospitals-advanced-tools-2025').contributingEventIds.length === 7,
      120_000,
    );
    for (const id of five) expect(targetOf(body, id)).toMatchObject({ actual: required[id], status: 'achieved' });
    const history = await api('auditor.vn', 'GET', `/achievements/${withdrawnId}`);
    expect(history.body.history.map((h: { type: string }) => h.type)).toEqual(['AchievementRecorded', 'AchievementVerified', 'AchievementWithdrawn']);
    expect(history.body.history[2]).toMatchObject({ by: recorder, reason: 'Giấy chứng nhận đã hết hiệu lực trước khi ghi nhận' });
    // S&T tasks count by their reference: four tasks of one centre are four.
    expect(targetOf(body, 'st-tasks-2025').byUnit).toEqual([expect.objectContaining({ unit: '58', actual: 4 })]);
  });

  it('a retried record with the same Idempotency-Key gets the first result; the key with another request is refused', async () => {
    const body = { indicator: 'schools-5s', organisationId: 'nt-th-kim-dong', achievedOn: '02/01/2025', description: 'Duy trì 5S năm học 2024–2025', evidence: 'Biên bản 2025' };
    const first = await api(recorder, 'POST', '/achievements', body, { 'idempotency-key': 'achievement-retry-1' });
    const again = await api(recorder, 'POST', '/achievements', body, { 'idempotency-key': 'achievement-retry-1' });
    expect(first.status).toBe(201);
    expect(again.body.achievementId).toBe(first.body.achievementId);
    expect(again.body.duplicate).toBe(true);
    const other = await api(recorder, 'POST', '/achievements', { ...body, description: 'khác' }, { 'idempotency-key': 'achievement-retry-1' });
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(other.status).toBeLessThan(500);
  });
});
