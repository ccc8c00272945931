import { COMMAND_HANDLER, CommandHandlerPort, EventMetadata } from '@nangsuat/event-store';
import { startServiceForTest, ServiceTestApp } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../app.module';
import { enterpriseDecider, enterpriseSnapshot, EnterpriseState, enterpriseStreamId, pilotModelRegistrationDecider, programmeSnapshot, ProgrammeState, programmeStreamId, registrationIdFor, registrationStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { client, eventually, taxCodeFrom } from './testing/http-client';

/**
 * Enterprises and pilot-model registrations through HTTP against the real FerretDB, Kafka and
 * Keycloak: the whole workflow with real tokens, duplicates, capacity under concurrent approvals,
 * bad input and foreign actors refused with nothing written.
 */
describe('support-programs: enterprises and registrations (FerretDB, Kafka, Keycloak)', () => {
  let service: ServiceTestApp;
  let api: ReturnType<typeof client>;
  const commits = () => service.events.countCommits();

  const programmeBody = (overrides: Record<string, unknown> = {}) => ({
    name: 'Mô hình điểm áp dụng công cụ cải tiến năng suất tại xã Ngọk Bay',
    legalBasis: ['Kế hoạch 138/KH-UBND ngày 19/6/2025', 'Văn bản 336/SKHCN-TĐC ngày 22/7/2025'],
    planDocumentNumber: '138/KH-UBND',
    funding: { sources: ['state-budget', 'other-lawful-sources'] },
    eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
    toolsOffered: ['5s', 'kaizen', 'lean', 'gap-organic'],
    openingDate: '2025-08-01',
    closingDate: '2030-12-31',
    capacity: 2,
    unitCode: '51-NGOKBAY',
    ...overrides,
  });
  const ngokBayTaxCode = taxCodeFrom('610100001');
  const ngokBayEnterpriseId = `mst-${ngokBayTaxCode}`;
  let programmeId: string;
  let registrationId: string;

  beforeAll(async () => {
    service = await startServiceForTest({ service: 'support-programs', rootModule: AppModule });
    api = client(service.url);
    const created = await api.post('/programmes', 'qn.admin', programmeBody());
    expect(created.status).toBe(201);
    programmeId = created.body.id;
  });
  afterAll(() => service?.close());

  /**
   * An enterprise registered on its behalf by the province office, its registration submitted
   * in-process (only enterprise users submit over HTTP, and the realm has two); its id.
   */
  async function submittedInProcess(programme: string, taxCodeStem: string, name: string): Promise<string> {
    const handler = service.app.get<CommandHandlerPort>(COMMAND_HANDLER);
    const metadata: EventMetadata = { actor: { id: 'seed', username: 'seed', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY', correlationId: 'in-process-submission' };
    const { state: programmeState } = await handler.load<never, ProgrammeState>(programmeStreamId(programme), supportProgrammeDecider);
    const registered = await api.post('/enterprises', 'qn.admin', { taxCode: taxCodeFrom(taxCodeStem), name, unitCode: '51-NGOKBAY', sector: 'Chế biến nông sản', size: 'micro', group: 'sme' });
    expect(registered.status).toBe(201);
    const { state } = await handler.load<never, EnterpriseState>(enterpriseStreamId(registered.body.id), enterpriseDecider);
    await handler.handle(
      registrationStreamId(programme, registered.body.id),
      pilotModelRegistrationDecider,
      {
        type: 'SubmitRegistration',
        registrationId: registrationIdFor(programme, registered.body.id),
        programme: programmeSnapshot(programmeState),
        enterprise: enterpriseSnapshot(state),
        tools: ['5s'],
        now: new Date().toISOString(),
      },
      { metadata },
    );
    return registrationIdFor(programme, registered.body.id);
  }

  describe('the workflow: enterprise registers → submit → review → approve → start → complete', () => {
    it('the enterprise registers itself; its account (token enterprise_id) is linked to it', async () => {
      const res = await api.post('/enterprises', 'ent.ngokbay', {
        taxCode: `${ngokBayTaxCode.slice(0, 4)} ${ngokBayTaxCode.slice(4)}`,
        name: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh Ngọk Bay',
        unitCode: '51-NGOKBAY',
        sector: 'Nông nghiệp — dược liệu',
        size: 'small',
        group: 'cooperative',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: ngokBayEnterpriseId, taxCode: ngokBayTaxCode, accountId: 'DN-51-0001', unitCode: '51-NGOKBAY' });
      const mine = await api.get('/enterprises/mine', 'ent.ngokbay');
      expect(mine.body).toMatchObject({ id: ngokBayEnterpriseId });
      const again = await api.post('/enterprises', 'ngokbay.officer', { taxCode: ngokBayTaxCode, name: 'Trùng mã số thuế', unitCode: '51-NGOKBAY', sector: 'x', size: 'micro', group: 'sme' });
      expect(again.status).toBe(409);
    });

    it('the enterprise submits; a second registration to the same programme is refused (409)', async () => {
      const res = await api.post(`/programmes/${programmeId}/registrations`, 'ent.ngokbay', { tools: ['5s', 'kaizen'], description: 'Áp dụng 5S tại xưởng sơ chế sâm' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'submitted', enterpriseId: ngokBayEnterpriseId, enterpriseAccountId: 'DN-51-0001', unitCode: '51-NGOKBAY', programmeUnitCode: '51-NGOKBAY', planDocumentNumber: '138/KH-UBND' });
      registrationId = res.body.id;
      expect(registrationId).toBe(`${programmeId}:${ngokBayEnterpriseId}`);
      const before = await commits();
      const second = await api.post(`/programmes/${programmeId}/registrations`, 'ent.ngokbay', { tools: ['lean'] });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('duplicate-registration');
      expect(await commits()).toBe(before);
    });

    it('the commune office reviews and approves: a seat of the programme is taken', async () => {
      expect((await api.post(`/registrations/${registrationId}/review`, 'ngokbay.officer')).body.status).toBe('under-review');
      const approved = await api.post(`/registrations/${registrationId}/approve`, 'ngokbay.officer', { note: 'Đủ điều kiện' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', seatHeld: true, note: 'Đủ điều kiện' });
      const again = await api.post(`/registrations/${registrationId}/approve`, 'qn.admin', {});
      expect(again.status).toBe(200); // approving an approved registration changes nothing
      const programme = await api.get(`/programmes/${programmeId}`, 'ent.ngokbay');
      expect(programme.body).toMatchObject({ seatsTaken: 1, capacity: 2, seatsAvailable: 1 });
    });

    it('the enterprise starts and completes it with its outcome', async () => {
      const started = await api.post(`/registrations/${registrationId}/start`, 'ent.ngokbay', { startedOn: '01/09/2025' });
      expect(started.body).toMatchObject({ status: 'in-implementation', startedOn: '2025-09-01' });
      const completed = await api.post(`/registrations/${registrationId}/complete`, 'ent.ngokbay', {
        productivityGainPercent: 18.5,
        certificatesObtained: ['VietGAP'],
        evidence: [{ title: 'Biên bản nghiệm thu mô hình', reference: '12/BB-VHXH ngày 15/12/2025' }],
      });
      expect(completed.status).toBe(200);
      expect(completed.body).toMatchObject({ status: 'completed', outcome: { productivityGainPercent: 18.5, certificatesObtained: ['VietGAP'] } });
    });

    it('reads the lists back once the read models catch up, each scoped to who asks', async () => {
      const listed = await eventually(
        () => api.get(`/registrations?programme=${programmeId}&status=completed`, 'qn.admin'),
        (r) => r.body?.total === 1 && r.body.items?.length === 1,
      );
      expect(listed.body.items[0]).toMatchObject({ id: registrationId, status: 'completed', enterpriseName: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh Ngọk Bay' });
      expect((await api.get(`/registrations?unit=51&q=sam%20ngoc%20linh`, 'ngokbay.officer')).body.total).toBe(1);
      expect((await api.get('/registrations', 'ent.ngokbay')).body.items.map((r: { id: string }) => r.id)).toEqual([registrationId]);
      expect((await api.get('/registrations', 'ent.phanrang')).body.total).toBe(0);
      expect((await api.get('/registrations', 'dakcam.officer')).body.total).toBe(0);
      expect((await api.get('/registrations', 'auditor.vn')).body.total).toBeGreaterThanOrEqual(1);

      const enterprises = await eventually(() => api.get('/enterprises?q=hop%20tac%20xa%20sam', 'qn.department'), (r) => r.body?.total === 1 && r.body.items?.length === 1);
      expect(enterprises.body.items[0]).toMatchObject({ id: ngokBayEnterpriseId, accountId: 'DN-51-0001' });
      expect((await api.get('/enterprises', 'ent.phanrang')).body.total).toBe(0);
      expect((await api.get('/enterprises', 'kh.admin')).body.total).toBe(0);
      expect((await api.get(`/enterprises/${ngokBayEnterpriseId}`, 'ent.phanrang')).status).toBe(403);
      expect((await api.get(`/registrations/${registrationId}`, 'dakcam.officer')).status).toBe(403);
      expect((await api.get(`/registrations/${registrationId}`, 'ent.ngokbay')).status).toBe(200);
    });

    it('every event carries the acting user, the unit and the reason where there is one', async () => {
      const history = await api.get(`/registrations/${registrationId}/history`, 'auditor.vn');
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
        'RegistrationSubmitted',
        'RegistrationReviewStarted',
        'RegistrationApproved',
        'RegistrationImplementationStarted',
        'RegistrationCompleted',
      ]);
      const byType = Object.fromEntries(history.body.events.map((e: { type: string }) => [e.type, e]));
      expect(byType.RegistrationSubmitted).toMatchObject({ actor: { username: 'ent.ngokbay', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY' });
      expect(byType.RegistrationApproved).toMatchObject({ actor: { username: 'ngokbay.officer', unit: '51-NGOKBAY' }, reason: 'Đủ điều kiện' });
      expect(byType.RegistrationApproved.actor.id).toEqual(expect.any(String));
      const programme = await api.get(`/programmes/${programmeId}/history`, 'qn.admin');
      expect(programme.body.events.map((e: { type: string }) => e.type)).toEqual(['SupportProgrammeCreated', 'SeatReserved']);
      expect(programme.body.events[1]).toMatchObject({ actor: { username: 'ngokbay.officer' }, unit: '51-NGOKBAY' });
      const stored = await service.events.readStream(registrationStreamId(programmeId, ngokBayEnterpriseId));
      expect(stored.length).toBe(5);
      for (const event of stored) expect(event.metadata).toMatchObject({ actor: { id: expect.any(String), username: expect.any(String), unit: '51-NGOKBAY' }, unit: '51-NGOKBAY' });
    });
  });

  describe('capacity holds under concurrent approvals', () => {
    it('capacity 2, six approvals at once: exactly two approved, four 409, two seats taken', async () => {
      const { body: programme } = await api.post('/programmes', 'qn.admin', programmeBody({ name: 'Chương trình thử sức chứa', capacity: 2 }));
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        ids.push(await submittedInProcess(programme.id, `61020000${i + 1}`, `Doanh nghiệp nhỏ số ${i + 1}`));
        expect((await api.post(`/registrations/${ids[i]}/review`, 'qn.department')).status).toBe(200);
      }
      const approvers = ['qn.admin', 'qn.department', 'ngokbay.officer'];
      const results = await Promise.all(ids.map((id, i) => api.post(`/registrations/${id}/approve`, approvers[i % 3], {})));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 409, 409, 409, 409]);
      for (const refused of results.filter((r) => r.status === 409)) expect(refused.body.message).toMatch(/full|changed by someone else/);
      expect((await api.get(`/programmes/${programme.id}`, 'qn.admin')).body).toMatchObject({ seatsTaken: 2, seatsAvailable: 0 });
      const approved = await eventually(() => api.get(`/registrations?programme=${programme.id}&status=approved`, 'qn.admin'), (r) => r.body?.total === 2 && r.body.items?.length === 2);
      expect(approved.body.total).toBe(2);
      const stillUnderReview = await eventually(() => api.get(`/registrations?programme=${programme.id}&status=under-review`, 'qn.admin'), (r) => r.body?.total === 4 && r.body.items?.length === 4);
      expect(stillUnderReview.body.total).toBe(4);

      // A withdrawal of an approved registration gives its seat back; another approval can then take it.
      const winner = results.findIndex((r) => r.status === 200);
      const withdrawn = await api.post(`/registrations/${ids[winner]}/withdraw`, 'qn.admin', { reason: 'Doanh nghiệp xin rút' });
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', seatHeld: false, reason: 'Doanh nghiệp xin rút' });
      expect((await api.get(`/programmes/${programme.id}`, 'qn.admin')).body.seatsTaken).toBe(1);
      const loser = results.findIndex((r) => r.status === 409);
      expect((await api.post(`/registrations/${ids[loser]}/approve`, 'qn.admin', {})).status).toBe(200);
      expect((await api.get(`/programmes/${programme.id}`, 'qn.admin')).body.seatsTaken).toBe(2);
    });
  });

  describe('refuses bad input, foreign actors and impossible transitions — and writes nothing', () => {
    let fresh: string;
    let untouched: string;
    beforeAll(async () => {
      untouched = (await api.post('/programmes', 'qn.admin', programmeBody({ name: 'Chương trình chưa có đăng ký', toolsOffered: ['5s'] }))).body.id;
      const { body } = await api.post('/programmes', 'qn.admin', programmeBody({ name: 'Chương trình kiểm thử đầu vào', capacity: 3 }));
      const submitted = await api.post(`/programmes/${body.id}/registrations`, 'ent.ngokbay', { tools: ['lean'] });
      expect(submitted.status).toBe(201);
      fresh = submitted.body.id;
    });

    const cases: [string, () => Promise<{ status: number; body: any }>, number][] = [
      ['a tool the programme does not offer', () => api.post(`/programmes/${untouched}/registrations`, 'ent.ngokbay', { tools: ['iso-9001'] }), 422],
      ['an unknown tool', () => api.post(`/programmes/${untouched}/registrations`, 'ent.ngokbay', { tools: ['six-sigma'] }), 400],
      ['no tool', () => api.post(`/programmes/${untouched}/registrations`, 'ent.ngokbay', { tools: [] }), 400],
      ['an unknown programme', () => api.post('/programmes/khong-co/registrations', 'ent.ngokbay', { tools: ['5s'] }), 404],
      ['an unknown path', () => api.post('/registrations/placeholder/review', 'qn.admin'), 404],
      ['malformed JSON', () => api.request('POST', `/registrations/${fresh}/reject`, { as: 'qn.admin', raw: '{"reason": ' }), 400],
      ['rejection without a reason', () => api.post(`/registrations/${fresh}/reject`, 'qn.admin', {}), 400],
      ['an operator as the reason', () => api.post(`/registrations/${fresh}/withdraw`, 'ent.ngokbay', { reason: { $gt: '' } }), 400],
      ['approve before review', () => api.post(`/registrations/${fresh}/approve`, 'qn.admin', {}), 422],
      ['complete before implementation', () => api.post(`/registrations/${fresh}/complete`, 'ent.ngokbay', { productivityGainPercent: 5, evidence: [{ title: 'a', reference: 'b' }] }), 422],
      ['a negative productivity gain', () => api.post(`/registrations/${fresh}/complete`, 'ent.ngokbay', { productivityGainPercent: -3, evidence: [{ title: 'a', reference: 'b' }] }), 400],
      ['no evidence', () => api.post(`/registrations/${fresh}/complete`, 'ent.ngokbay', { productivityGainPercent: 3, evidence: [] }), 400],
      ['an unknown registration', () => api.post(`/registrations/nope:mst-0100107518/review`, 'qn.admin'), 404],
      ['an invalid tax code', () => api.post('/enterprises', 'qn.admin', { taxCode: '6101000010', name: 'X', unitCode: '51', sector: 'x', size: 'small', group: 'sme' }), 422],
      ['an unknown unit for an enterprise', () => api.post('/enterprises', 'qn.admin', { taxCode: taxCodeFrom('610300001'), name: 'X', unitCode: '51-NOWHERE', sector: 'x', size: 'small', group: 'sme' }), 422],
      ['an unknown enterprise size', () => api.post('/enterprises', 'qn.admin', { taxCode: taxCodeFrom('610300001'), name: 'X', unitCode: '51', sector: 'x', size: 'huge', group: 'sme' }), 400],
      ['another enterprise submits for this one', () => api.post(`/programmes/${programmeId}/registrations`, 'ent.phanrang', { tools: ['5s'], enterpriseId: ngokBayEnterpriseId }), 403],
      ['an officer submits (enterprises register themselves)', () => api.post(`/programmes/${programmeId}/registrations`, 'qn.admin', { tools: ['5s'], enterpriseId: ngokBayEnterpriseId }), 403],
      ['another enterprise withdraws it', () => api.post(`/registrations/${fresh}/withdraw`, 'ent.phanrang', { reason: 'x' }), 403],
      ['an officer of another commune reviews', () => api.post(`/registrations/${fresh}/review`, 'dakcam.officer'), 403],
      ['an officer of another province reviews', () => api.post(`/registrations/${fresh}/review`, 'kh.admin'), 403],
      ['a village officer reviews (not a reviewing role)', () => api.post(`/registrations/${fresh}/review`, 'konrlong.officer'), 403],
      ['the enterprise reviews itself', () => api.post(`/registrations/${fresh}/review`, 'ent.ngokbay'), 403],
      ['an auditor reviews', () => api.post(`/registrations/${fresh}/review`, 'auditor.vn'), 403],
      ['an auditor registers an enterprise', () => api.post('/enterprises', 'auditor.vn', { taxCode: taxCodeFrom('610300002'), name: 'X', unitCode: '51', sector: 'x', size: 'small', group: 'sme' }), 403],
      ['an officer registers an enterprise outside their unit', () => api.post('/enterprises', 'ngokbay.officer', { taxCode: taxCodeFrom('610300003'), name: 'X', unitCode: '51-DAKCAM', sector: 'x', size: 'small', group: 'sme' }), 403],
      ['an enterprise registers under another account', () => api.post('/enterprises', 'ent.phanrang', { taxCode: taxCodeFrom('610300004'), name: 'X', unitCode: '56-PHANRANG', sector: 'x', size: 'small', group: 'sme', accountId: 'DN-51-0001' }), 403],
      ['an enterprise already linked registers a second one', () => api.post('/enterprises', 'ent.ngokbay', { taxCode: taxCodeFrom('610300005'), name: 'X', unitCode: '51-NGOKBAY', sector: 'x', size: 'small', group: 'sme' }), 409],
      ['a foreign enterprise changes its profile', () => api.patch(`/enterprises/${ngokBayEnterpriseId}`, 'ent.phanrang', { sector: 'x' }), 403],
      ['an unknown filter value', () => api.get('/registrations?status=paid', 'qn.admin'), 400],
      ['an operator in a query', () => api.get('/programmes?q[$gt]=', 'qn.admin'), 400],
    ];
    it.each(cases)('%s', async (_what, request, status) => {
      const before = await commits();
      const res = await request();
      expect(res.status).toBe(status);
      expect(res.body.message).toBeDefined();
      expect(await commits()).toBe(before);
    });

    it('a rejection records its reason, and the Idempotency-Key makes a retry harmless', async () => {
      await api.post(`/registrations/${fresh}/review`, 'ngokbay.officer');
      const headers = { 'idempotency-key': `reject-${fresh.replace(/[^A-Za-z0-9-]/g, '')}`.slice(0, 90) };
      const first = await api.post(`/registrations/${fresh}/reject`, 'ngokbay.officer', { reason: 'Hồ sơ chưa đầy đủ' }, headers);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'rejected', reason: 'Hồ sơ chưa đầy đủ' });
      const before = await commits();
      const retry = await api.post(`/registrations/${fresh}/reject`, 'ngokbay.officer', { reason: 'Hồ sơ chưa đầy đủ' }, headers);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(await commits()).toBe(before);
      const history = await api.get(`/registrations/${fresh}/history`, 'qn.admin');
      expect(history.body.events[2]).toMatchObject({ type: 'RegistrationRejected', reason: 'Hồ sơ chưa đầy đủ', actor: { username: 'ngokbay.officer' } });
    });
  });

  describe('read-your-writes', () => {
    it('each change is in the lists on the very next read after its answer, with no wait for the event consumer', async () => {
      const { body: programme } = await api.post('/programmes', 'qn.admin', programmeBody({ name: 'Chương trình thử đọc ngay sau ghi', capacity: 4 }));
      expect((await api.get(`/programmes?q=${encodeURIComponent('thu doc ngay sau ghi')}`, 'qn.admin')).body.total).toBe(1);
      for (let i = 0; i < 4; i++) {
        const id = await submittedInProcess(programme.id, `61040000${i + 1}`, `Doanh nghiệp đọc ngay số ${i + 1}`);
        expect((await api.get(`/registrations?programme=${programme.id}&status=submitted`, 'qn.admin')).body.total).toBe(1);
        expect((await api.post(`/registrations/${id}/review`, 'ngokbay.officer')).status).toBe(200);
        expect((await api.get(`/registrations?programme=${programme.id}&status=under-review`, 'ngokbay.officer')).body.total).toBe(1);
        expect((await api.post(`/registrations/${id}/approve`, 'ngokbay.officer', {})).status).toBe(200);
        const approved = await api.get(`/registrations?programme=${programme.id}&status=approved`, 'ngokbay.officer');
        expect(approved.body.total).toBe(i + 1);
        expect((await api.get(`/programmes?q=${encodeURIComponent('thu doc ngay sau ghi')}`, 'qn.admin')).body.items[0]).toMatchObject({ seatsTaken: i + 1 });
      }
    });
  });
});
