import { startServiceForTest, ServiceTestApp } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../app.module';
import { client, eventually } from './testing/http-client';

/** Programmes through HTTP against the real FerretDB, Kafka and Keycloak. */
describe('support-programs: programmes (FerretDB, Kafka, Keycloak)', () => {
  let service: ServiceTestApp;
  let api: ReturnType<typeof client>;
  const commits = () => service.events.countCommits();

  const programme = (overrides: Record<string, unknown> = {}) => ({
    name: 'Chương trình hỗ trợ doanh nghiệp xây dựng mô hình điểm về năng suất xã Ngọk Bay',
    legalBasis: ['Kế hoạch 138/KH-UBND ngày 19/6/2025 của UBND tỉnh Quảng Ngãi'],
    planDocumentNumber: '138/KH-UBND',
    funding: { sources: ['state-budget'], amountVnd: 500000000 },
    eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
    toolsOffered: ['5s', 'kaizen', 'gap-organic'],
    openingDate: '01/08/2025',
    closingDate: '2030-12-31',
    capacity: 2,
    unitCode: '51-NGOKBAY',
    ...overrides,
  });

  beforeAll(async () => {
    service = await startServiceForTest({ service: 'support-programs', rootModule: AppModule });
    api = client(service.url);
  });
  afterAll(() => service?.close());

  it('creates a programme, answers with it at once and lists it once the read model catches up', async () => {
    const created = await api.post('/programmes', 'qn.admin', programme());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitCode: '51-NGOKBAY', status: 'open', openingDate: '2025-08-01', capacity: 2, seatsTaken: 0, version: 1 });
    const id = created.body.id as string;

    const listed = await eventually(
      () => api.get('/programmes?unit=51&q=ngok%20bay%20mo%20hinh', 'ent.ngokbay'),
      (r) => r.body?.items?.some((p: { id: string }) => p.id === id),
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({ name: programme().name, seatsTaken: 0 });
    expect(listed.body.items[0]).not.toHaveProperty('searchKey');

    const other = await api.get('/programmes?unit=56', 'qn.admin');
    expect(other.body.items.some((p: { id: string }) => p.id === id)).toBe(false);
    const byTool = await api.get('/programmes?tool=lean', 'qn.admin');
    expect(byTool.body.items.some((p: { id: string }) => p.id === id)).toBe(false);
    const byGroup = await api.get('/programmes?group=cooperative&status=open', 'qn.admin');
    expect(byGroup.body.items.some((p: { id: string }) => p.id === id)).toBe(true);
  });

  it('updates and closes with reasons, and shows the history: who, when, why', async () => {
    const { body: created } = await api.post('/programmes', 'qn.department', programme({ unitCode: '51' }));
    const updated = await api.patch(`/programmes/${created.id}`, 'qn.admin', { capacity: 5, reason: 'Bổ sung kinh phí năm 2026' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ capacity: 5, version: 2 });
    const closed = await api.post(`/programmes/${created.id}/close`, 'qn.admin', { reason: 'Đã đủ doanh nghiệp tham gia' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedReason: 'Đã đủ doanh nghiệp tham gia' });
    const refused = await api.patch(`/programmes/${created.id}`, 'qn.admin', { capacity: 6 });
    expect(refused.status).toBe(422);

    const history = await api.get(`/programmes/${created.id}/history`, 'auditor.vn');
    expect(history.status).toBe(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['SupportProgrammeCreated', 'SupportProgrammeUpdated', 'SupportProgrammeClosed']);
    expect(history.body.events[0].actor).toMatchObject({ username: 'qn.department', unit: '51' });
    expect(history.body.events[0].unit).toBe('51');
    expect(history.body.events[1]).toMatchObject({ reason: 'Bổ sung kinh phí năm 2026', actor: { username: 'qn.admin' } });
    expect(history.body.events[2].reason).toBe('Đã đủ doanh nghiệp tham gia');
  });

  it('honours the Idempotency-Key: a repeated create answers the same programme and writes nothing', async () => {
    const headers = { 'idempotency-key': `create-${Date.now()}-abc` };
    const first = await api.post('/programmes', 'qn.admin', programme(), headers);
    const before = await commits();
    const again = await api.post('/programmes', 'qn.admin', programme(), headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await commits()).toBe(before);
  });

  it('serves its OpenAPI document with every route', async () => {
    const res = await fetch(`${service.url}/docs-json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    for (const path of ['/programmes', '/programmes/{id}', '/programmes/{id}/close', '/programmes/{id}/history', '/enterprises', '/enterprises/mine', '/enterprises/{id}', '/programmes/{id}/registrations', '/registrations', '/registrations/{id}/approve', '/registrations/{id}/complete', '/registrations/{id}/withdraw']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  describe('refuses bad input and writes nothing', () => {
    it.each([
      ['malformed JSON', { raw: '{"name": "Chương trình' }, 400],
      ['wrong types', { body: programme({ capacity: '2' }) }, 400],
      ['an unknown tool', { body: programme({ toolsOffered: ['six-sigma'] }) }, 400],
      ['an unknown group', { body: programme({ eligibleGroups: ['bank'] }) }, 400],
      ['a negative capacity', { body: programme({ capacity: -1 }) }, 400],
      ['an operator instead of a value', { body: programme({ name: { $gt: '' } }) }, 400],
      ['an operator key at the top', { body: { $gt: '' } }, 400],
      ['an unknown field', { body: programme({ seatsTaken: 0 }) }, 400],
      ['an unknown unit code', { body: programme({ unitCode: '99-NOWHERE' }) }, 422],
      ['a unit abolished in 2025', { body: programme({ unitCode: '58' }) }, 422],
      ['closing before opening', { body: programme({ openingDate: '2026-01-01', closingDate: '2025-12-31' }) }, 422],
      ['an impossible date', { body: programme({ openingDate: '31/02/2026' }) }, 400],
    ])('%s', async (_what, request, status) => {
      const before = await commits();
      const res = await api.request('POST', '/programmes', { as: 'qn.admin', ...request });
      expect(res.status).toBe(status);
      expect(typeof res.body.message === 'string' || Array.isArray(res.body.message)).toBe(true);
      expect(await commits()).toBe(before);
    });

    it('outside one\'s unit (403), an auditor (403), a role that may not create (403)', async () => {
      const before = await commits();
      expect((await api.post('/programmes', 'kh.admin', programme())).status).toBe(403);
      expect((await api.post('/programmes', 'auditor.vn', programme())).status).toBe(403);
      expect((await api.post('/programmes', 'ngokbay.officer', programme())).status).toBe(403);
      expect((await api.post('/programmes', 'ent.ngokbay', programme())).status).toBe(403);
      expect(await commits()).toBe(before);
    });
  });
});
