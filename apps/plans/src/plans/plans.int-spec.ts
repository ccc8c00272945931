import { tokenFor } from '@nangsuat/auth/testing';
import { ServiceTestApp, startServiceForTest } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../app.module';
import { NINH_THUAN_4009, seedPlans } from '@nangsuat/contracts/plans';

/**
 * The plans API against the real FerretDB, Kafka and Keycloak: the seed plans round-trip, issued
 * plans change only by amendments that become versions with their reasons, document numbers stay
 * unique, lists search without diacritics, and bad input answers 4xx and writes nothing.
 */
describe('plans API', () => {
  let svc: ServiceTestApp;
  const run = Date.now().toString(36);

  const as = async (username: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${svc.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenFor(username)}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const commits = () => svc.events.countCommits();
  /** Read models follow the store through Kafka: poll, with a bound, until the expectation holds. */
  const eventually = async <T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const value = await probe();
      if (ok(value)) return value;
      await new Promise((r) => setTimeout(r, 200));
    }
    return probe();
  };

  const draftOf = (planId: string, overrides: Record<string, unknown> = {}) => ({
    planId,
    content: {
      title: `Kế hoạch nâng cao năng suất xã Đăk Cấm ${run}`,
      issuingUnit: '51-DAKCAM',
      horizonYears: [2030],
      generalObjectives: ['Đưa năng suất trở thành động lực phát triển'],
      targets: [
        {
          id: 'pilot-2030',
          indicator: 'pilot-model-enterprises',
          label: { vi: 'Doanh nghiệp xây dựng mô hình điểm', en: 'Enterprises with pilot models' },
          unit: 'enterprises',
          milestoneYear: 2030,
          comparison: 'range',
          min: 1,
          max: 2,
          source: 'counted',
        },
      ],
      ...overrides,
    },
  });

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'plans', rootModule: AppModule });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('takes the seed plans through the API and gives back what they say', async () => {
    for (const seed of seedPlans) {
      const author = seed.content.issuingUnit === '51-NGOKBAY' ? 'ngokbay.officer' : seed.content.issuingUnit === '51' ? 'qn.admin' : 'kh.admin';
      expect((await as(author, 'POST', '/plans', { planId: seed.planId, content: seed.content })).status).toBe(201);
      if (seed.issue) expect((await as(author, 'POST', `/plans/${seed.planId}/issue`, seed.issue)).status).toBe(201);
    }
    const plan = await as('auditor.vn', 'GET', `/plans/${NINH_THUAN_4009.planId}`);
    expect(plan.status).toBe(200);
    expect(plan.body).toMatchObject({ status: 'issued', version: 1, issueDateDisplay: '26/09/2023' });
    expect(plan.body.content.documentNumber).toBe('4009/KH-UBND');
    expect(plan.body.content.targets).toEqual(NINH_THUAN_4009.content.targets);
    const trained = plan.body.content.targets.find((t: any) => t.indicator === 'trained-person-times' && t.milestoneYear === 2030);
    expect(trained).toMatchObject({ comparison: 'more-than', value: 500 });
  });

  it('finds plans without diacritics, by unit subtree (following the 2025 merger) and year', async () => {
    const found = await eventually(
      () => as('kh.admin', 'GET', '/plans?q=nang%20suat%20ninh%20thuan&unit=56&year=2030'),
      (r) => r.body.total >= 1,
    );
    expect(found.body.items.map((p: any) => p.documentNumber)).toContain('4009/KH-UBND');
    const elsewhere = await as('kh.admin', 'GET', '/plans?q=ninh%20thuan&unit=51');
    expect(elsewhere.body.items.map((p: any) => p.documentNumber)).not.toContain('4009/KH-UBND');
  });

  it('keeps every amendment as a version with its reason and legal basis, and shows the plan as of a date', async () => {
    const planId = `dakcam-${run}`;
    await as('dakcam.officer', 'POST', '/plans', draftOf(planId));
    const issued = await as('dakcam.officer', 'POST', `/plans/${planId}/issue`, { documentNumber: `${run.length}1/KH-UBND`, issueDate: '01/08/2025' });
    expect(issued.body).toMatchObject({ status: "issued" });

    const amended = await as('dakcam.officer', 'POST', `/plans/${planId}/amendments`, {
      reason: 'Nâng chỉ tiêu mô hình điểm theo Kế hoạch 138/KH-UBND',
      legalBasis: 'Văn bản 336/SKHCN-TĐC ngày 22/7/2025',
      effectiveDate: '01/10/2025',
      changes: { targets: [{ ...draftOf(planId).content.targets[0], min: 2, max: 3 }] },
      expectedVersion: issued.body.streamVersion,
    });
    expect(amended.body).toMatchObject({ status: 'amended', version: 2 });

    const v2 = await as('auditor.vn', 'GET', `/plans/${planId}/versions/2`);
    expect(v2.body).toMatchObject({ version: 2, reason: 'Nâng chỉ tiêu mô hình điểm theo Kế hoạch 138/KH-UBND', legalBasis: 'Văn bản 336/SKHCN-TĐC ngày 22/7/2025' });
    expect(v2.body.content.targets[0]).toMatchObject({ min: 2, max: 3 });
    expect((await as('auditor.vn', 'GET', `/plans/${planId}/versions/1`)).body.content.targets[0]).toMatchObject({ min: 1, max: 2 });

    const history = await as('auditor.vn', 'GET', `/plans/${planId}/history`);
    expect(history.body.map((e: any) => e.type)).toEqual(['PlanDrafted', 'PlanIssued', 'PlanAmended']);
    expect(history.body[2]).toMatchObject({ actor: { username: 'dakcam.officer', unit: '51-DAKCAM' }, reason: 'Nâng chỉ tiêu mô hình điểm theo Kế hoạch 138/KH-UBND' });

    // A stale view (the version before the amendment) is refused, not silently overwritten.
    const stale = await as('dakcam.officer', 'POST', `/plans/${planId}/amendments`, {
      reason: 'Điều chỉnh lần hai',
      legalBasis: 'Quyết định 1/QĐ-UBND',
      effectiveDate: '01/11/2025',
      changes: { generalObjectives: ['Mục tiêu mới'] },
      expectedVersion: issued.body.streamVersion,
    });
    expect(stale.status).toBe(409);

    const yesterday = new Date(Date.now() - 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    expect((await as('auditor.vn', 'GET', `/plans/${planId}?asOf=${yesterday}`)).status).toBe(404);
  });

  it('refuses a second plan under a document number already used by the same issuer, year and type', async () => {
    const number = `9${run.slice(-3).replace(/\D/g, '7')}/KH-UBND`;
    await as('dakcam.officer', 'POST', '/plans', draftOf(`first-${run}`));
    await as('dakcam.officer', 'POST', '/plans', draftOf(`second-${run}`));
    expect((await as('dakcam.officer', 'POST', `/plans/first-${run}/issue`, { documentNumber: number, issueDate: '02/08/2025' })).status).toBe(201);
    const taken = await as('dakcam.officer', 'POST', `/plans/second-${run}/issue`, { documentNumber: number.replace('KH', 'kh'), issueDate: '03/08/2025' });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toMatch(/already used by plan first-/);
    expect((await as('dakcam.officer', 'GET', `/plans/second-${run}`)).body.status).toBe('draft');
  });

  it('answers a repeated request (same Idempotency-Key) with the first result and writes nothing', async () => {
    const key = { 'idempotency-key': `plans-int-${run}` };
    const first = await as('dakcam.officer', 'POST', '/plans', draftOf(`idem-${run}`), key);
    const before = await commits();
    const again = await as('dakcam.officer', 'POST', '/plans', draftOf(`idem-${run}`), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.planId).toBe(first.body.planId);
    expect(await commits()).toBe(before);
  });

  it.each([
    ['malformed JSON', 'dakcam.officer', '{"planId": "x",', 400, /not valid JSON/],
    ['a wrong type', 'dakcam.officer', { content: { title: 42, issuingUnit: '51-DAKCAM', horizonYears: [2030] } }, 400, /title must be a string/],
    ['operator injection', 'dakcam.officer', { content: { title: { $gt: '' }, issuingUnit: '51-DAKCAM', horizonYears: [2030] } }, 400, /not allowed/],
    ['an unknown field', 'dakcam.officer', { ...draftOf('unknown-field'), owner: 'me' }, 400, /property owner should not exist/],
    ['an unknown unit of measure', 'dakcam.officer', draftOf('bad-unit', { targets: [{ ...draftOf('x').content.targets[0], unit: 'bananas' }] }), 400, /unit must be one of: enterprises, person-times/],
    ['a range with min above max', 'dakcam.officer', draftOf('bad-range', { targets: [{ ...draftOf('x').content.targets[0], min: 5, max: 2 }] }), 422, /min|max/i],
    ['a negative value', 'dakcam.officer', draftOf('negative', { targets: [{ ...draftOf('x').content.targets[0], comparison: 'at-least', value: -3, min: undefined, max: undefined }] }), 400, /value must not be less than 0/],
    ['an unknown administrative unit', 'dakcam.officer', draftOf('no-unit', { issuingUnit: '99-NOWHERE' }), 422, /Unknown administrative unit/],
    ['a plan for another commune', 'ngokbay.officer', draftOf('other-commune'), 403, /outside your unit/],
    ['an auditor', 'auditor.vn', draftOf('auditor'), 403, /read-only|auditor/i],
    ['an enterprise user', 'ent.ngokbay', draftOf('enterprise'), 403, /role/i],
  ])('refuses %s and writes nothing', async (_case, user, body, status, message) => {
    const before = await commits();
    const res = await as(user, 'POST', '/plans', body);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body.message)).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \w+ \(|node_modules|Mongo/);
    expect(await commits()).toBe(before);
  });

  it('refuses an impossible transition: amending a draft, issuing twice', async () => {
    const planId = `transitions-${run}`;
    await as('dakcam.officer', 'POST', '/plans', draftOf(planId));
    const amendDraft = await as('dakcam.officer', 'POST', `/plans/${planId}/amendments`, {
      reason: 'Điều chỉnh', legalBasis: 'Quyết định 2/QĐ-UBND', effectiveDate: '01/09/2025', changes: {},
    });
    expect(amendDraft.status).toBe(422);
    await as('dakcam.officer', 'POST', `/plans/${planId}/issue`, { documentNumber: `8${run.slice(-2).replace(/\D/g, '3')}/KH-UBND`, issueDate: '05/08/2025' });
    const before = await commits();
    const twice = await as('dakcam.officer', 'POST', `/plans/${planId}/issue`, { documentNumber: '999/KH-UBND', issueDate: '06/08/2025' });
    expect(twice.status).toBe(422);
    expect(twice.body.message).toMatch(/already issued/);
    expect(await commits()).toBe(before);
  });
});
