import { startServiceForTest, ServiceTestApp, apiClient, commitCount, storedEvents, ddmmyyyy, eventually, vnDate } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';

/**
 * Awards end to end through the HTTP API with real tokens: category → nomination → evaluation by
 * each council member (once) → decision with its decision number → close; withdrawal; refusals
 * (bad input, other units, auditors, non-members) write nothing.
 */
describe('awards: categories and nominations (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const category = (categoryId: string, extra: Record<string, unknown> = {}) =>
    api('qn.admin', 'POST', '/award-categories', {
      categoryId,
      unitCode: '51',
      name: 'Doanh nghiệp tiêu biểu trong nâng cao năng suất năm 2025',
      description: 'Theo Kế hoạch 138/KH-UBND',
      eligibleNomineeKinds: ['enterprise', 'organisation'],
      period: { from: ddmmyyyy(vnDate(-10)), to: vnDate(30) },
      ...extra,
    });
  const nominate = (nominationId: string, categoryId = 'cat-dn', extra: Record<string, unknown> = {}, user = 'ngokbay.officer') =>
    api(user, 'POST', '/nominations', {
      nominationId,
      categoryId,
      nominee: { kind: 'enterprise', name: 'HTX Nông nghiệp Ngọk Bay', enterpriseId: 'mst-6101234567' },
      nominatedBy: { kind: 'cooperative-alliance', name: 'Liên minh Hợp tác xã tỉnh Quảng Ngãi' },
      unitCode: '51-NGOKBAY',
      achievements: ['Áp dụng 5S, năng suất lao động tăng 12 %'],
      ...extra,
    });

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'awards', rootModule: AppModule });
    api = apiClient(svc.url);
    expect((await category('cat-dn')).status).toBe(201);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('creates a category and lists it (open on a date, diacritic-free q)', async () => {
    const list = await eventually(
      () => api('ent.ngokbay', 'GET', `/award-categories?unit=51&openOn=${ddmmyyyy(vnDate())}&q=doanh%20nghiep%20tieu%20bieu`),
      (r) => r.body?.total === 1 && r.body.items?.length === 1,
    );
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ categoryId: 'cat-dn', eligibleNomineeKinds: ['enterprise', 'organisation'], period: { from: vnDate(-10), to: vnDate(30) } });
    const closed = await api('qn.admin', 'GET', `/award-categories?openOn=${vnDate(31)}`);
    expect(closed.body.total).toBe(0);
  });

  it('nominates → council evaluates (each member once) → decision with its number → close', async () => {
    const nominated = await nominate('nom-1');
    expect(nominated.status).toBe(201);
    expect(nominated.body).toMatchObject({ status: 'nominated', unitCode: '51-NGOKBAY', nominee: { kind: 'enterprise', enterpriseId: 'mst-6101234567' } });

    const started = await api('qn.admin', 'POST', '/nominations/nom-1/evaluation-start', { councilMemberIds: ['qn.council'] });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'under-evaluation', council: ['qn.council'], awaitingEvaluationFrom: ['qn.council'] });

    const outsider = await api('kh.council', 'POST', '/nominations/nom-1/evaluations', { score: 90, comment: 'Tốt' });
    expect(outsider.status).toBe(403);
    const early = await api('qn.council', 'POST', '/nominations/nom-1/decision', { outcome: 'awarded', decisionDocumentNumber: '123/QĐ-UBND' });
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/waiting for qn.council/);

    const evaluated = await api('qn.council', 'POST', '/nominations/nom-1/evaluations', { score: 86, comment: 'Mô hình 5S hiệu quả, có thể nhân rộng' });
    expect(evaluated.status).toBe(200);
    expect(evaluated.body.evaluations).toEqual([expect.objectContaining({ memberId: 'qn.council', score: 86 })]);
    const twice = await api('qn.council', 'POST', '/nominations/nom-1/evaluations', { score: 10, comment: 'again' });
    expect(twice.status).toBe(409);

    const asciiQd = await api('qn.council', 'POST', '/nominations/nom-1/decision', { outcome: 'awarded', decisionDocumentNumber: '123/QD-UBND' });
    expect(asciiQd.status).toBe(422);
    expect(asciiQd.body.message).toMatch(/Vietnamese letter Đ/);
    const future = await api('qn.council', 'POST', '/nominations/nom-1/decision', { outcome: 'awarded', decisionDocumentNumber: '123/QĐ-UBND', decisionDate: vnDate(5) });
    expect(future.status).toBe(422);

    const decided = await api('qn.council', 'POST', '/nominations/nom-1/decision', { outcome: 'awarded', decisionDocumentNumber: '123/QĐ-UBND', decisionDate: ddmmyyyy(vnDate()) });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'decided',
      decision: { outcome: 'awarded', decisionDocumentNumber: '123/QĐ-UBND', decisionDate: vnDate(), decidedBy: 'qn.council', averageScore: 86, evaluationCount: 1 },
    });
    const closed = await api('qn.admin', 'POST', '/nominations/nom-1/close');
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');

    const list = await eventually(
      () => api('qn.admin', 'GET', '/nominations?unit=51&status=closed&category=cat-dn&q=hop%20tac%20xa%20ngok%20bay'),
      (r) => r.body?.total === 1 && r.body.items?.length === 1,
    );
    expect(list.body.items[0]).toMatchObject({ nominationId: 'nom-1', decision: { outcome: 'awarded' } });
    const awarded = await api('qn.admin', 'GET', '/nominations?outcome=awarded');
    expect(awarded.body.total).toBe(1);
  });

  it('waits for every member of a larger council before a decision', async () => {
    await nominate('nom-2');
    await api('qn.admin', 'POST', '/nominations/nom-2/evaluation-start', { councilMemberIds: ['qn.council', 'qn.council.chair'] });
    await api('qn.council', 'POST', '/nominations/nom-2/evaluations', { score: 70, comment: 'Khá' });
    const res = await api('qn.council', 'POST', '/nominations/nom-2/decision', { outcome: 'not-awarded', decisionDocumentNumber: '45/2025/QĐ-UBND' });
    expect(res.status).toBe(422);
    expect(res.body.details).toMatchObject({ missing: ['qn.council.chair'] });
    const withdrawn = await api('ngokbay.officer', 'POST', '/nominations/nom-2/withdraw', { reason: 'Doanh nghiệp xin rút hồ sơ' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'Doanh nghiệp xin rút hồ sơ' } });
    const [commit] = await storedEvents(svc.events, 'nomination-nom-2', 'NominationWithdrawn');
    expect(commit?.metadata).toMatchObject({ unit: '51-NGOKBAY', reason: 'Doanh nghiệp xin rút hồ sơ', actor: { username: 'ngokbay.officer' } });
  });

  it('refuses bad input, other units, auditors and wrong roles, writing nothing', async () => {
    expect((await category('cat-past', { period: { from: '01/01/2024', to: '31/12/2024' } })).status).toBe(201);
    expect((await category('cat-dakcam', { unitCode: '51-DAKCAM' })).status).toBe(201);
    await nominate('nom-base');
    const before = await commitCount(svc.events);
    const cases: [string, string, string, unknown, number, RegExp][] = [
      ['unknown nominee kind', 'ngokbay.officer', '/nominations', { nominationId: 'x1', categoryId: 'cat-dn', nominee: { kind: 'person', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: ['a'] }, 400, /nominee.kind must be one of/],
      ['no achievements', 'ngokbay.officer', '/nominations', { nominationId: 'x1', categoryId: 'cat-dn', nominee: { kind: 'enterprise', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: [] }, 400, /achievements/],
      ['operator injection', 'ngokbay.officer', '/nominations', { nominationId: 'x1', categoryId: { $gt: '' } }, 400, /\$gt/],
      ['kind not accepted', 'ngokbay.officer', '/nominations', { nominationId: 'x1', categoryId: 'cat-dn', nominee: { kind: 'individual', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: ['a'] }, 422, /does not accept individual/],
      ['outside the period', 'ngokbay.officer', '/nominations', { nominationId: 'x1', categoryId: 'cat-past', nominee: { kind: 'enterprise', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: ['a'] }, 422, /accepts nominations from/],
      ['unknown category', 'ngokbay.officer', '/nominations', { nominationId: 'x1', categoryId: 'nope', nominee: { kind: 'enterprise', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: ['a'] }, 422, /does not exist/],
      ['unit outside the category', 'ngokbay.officer', '/nominations', { nominationId: 'x1', categoryId: 'cat-dakcam', nominee: { kind: 'enterprise', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: ['a'] }, 422, /not within it/],
      ['unknown unit', 'qn.admin', '/award-categories', { unitCode: '99', name: 'x', eligibleNomineeKinds: ['enterprise'], period: { from: '01/01/2025', to: '31/12/2025' } }, 422, /not a known administrative unit/],
      ['impossible date', 'qn.admin', '/award-categories', { unitCode: '51', name: 'x', eligibleNomineeKinds: ['enterprise'], period: { from: '30/02/2025', to: '31/12/2025' } }, 400, /period.from/],
      ['score out of range', 'qn.council', '/nominations/nom-base/evaluations', { score: 101, comment: 'x' }, 400, /score/],
      ['evaluate before the council is fixed', 'qn.council', '/nominations/nom-base/evaluations', { score: 50, comment: 'x' }, 422, /Cannot evaluate/],
      ['withdraw without reason', 'ngokbay.officer', '/nominations/nom-base/withdraw', {}, 400, /reason/],
      ['nominate outside own unit', 'dakcam.officer', '/nominations', { nominationId: 'x2', categoryId: 'cat-dn', nominee: { kind: 'enterprise', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: ['a'] }, 403, /outside your unit/],
      ['enterprise user nominating', 'ent.ngokbay', '/nominations', { nominationId: 'x3', categoryId: 'cat-dn', nominee: { kind: 'enterprise', name: 'A' }, nominatedBy: { kind: 'officer', name: 'B' }, unitCode: '51-NGOKBAY', achievements: ['a'] }, 403, /role/i],
      ['auditor', 'auditor.vn', '/nominations/nom-base/withdraw', { reason: 'x' }, 403, /read-only/],
      ['council of another province', 'kh.council', '/nominations/nom-base/decision', { outcome: 'awarded', decisionDocumentNumber: '1/QĐ-UBND' }, 403, /outside your unit/],
    ];
    for (const [name, user, path, body, status, message] of cases) {
      const res = await api(user, 'POST', path, body);
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(JSON.stringify(res.body.message)).toMatch(message);
    }
    expect(await commitCount(svc.events)).toBe(before);
    expect((await api('kh.admin', 'GET', '/nominations?unit=51')).status).toBe(403);
    expect((await api('kh.admin', 'GET', '/nominations/nom-base')).status).toBe(403);
    expect((await api('auditor.vn', 'GET', '/nominations/nom-base')).status).toBe(200);
  });

  it('honours Idempotency-Key and records actor id and unit on every event', async () => {
    const headers = { 'Idempotency-Key': 'idem-nomination-01' };
    const first = await nominate('nom-idem', 'cat-dn', {}, 'ngokbay.officer');
    expect(first.status).toBe(201);
    const a = await api('qn.admin', 'POST', '/nominations/nom-idem/evaluation-start', { councilMemberIds: ['qn.council'] }, headers);
    const before = await commitCount(svc.events);
    const b = await api('qn.admin', 'POST', '/nominations/nom-idem/evaluation-start', { councilMemberIds: ['qn.council'] }, headers);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.duplicate).toBe(true);
    expect(await commitCount(svc.events)).toBe(before);
    const commits = await storedEvents(svc.events, 'nomination-nom-1');
    expect(commits.length).toBe(5);
    for (const c of commits) {
      expect(c.metadata.actor.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(c.metadata.unit).toBe('51-NGOKBAY');
    }
  });
});
