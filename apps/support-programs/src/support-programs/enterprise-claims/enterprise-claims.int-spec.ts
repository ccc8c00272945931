import { startServiceForTest, ServiceTestApp } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { enterpriseClaimStreamId } from '@nangsuat/contracts/support-programs';
import { client, taxCodeFrom } from '../testing/http-client';
import { passwordToken, signUp } from '../testing/keycloak-signup';

/**
 * Enterprise onboarding against the real Keycloak (its registration page, the verification mail read
 * from Mailpit, its admin API), PostgreSQL and FerretDB: a person signs up, claims an enterprise, the
 * commune officer confirms, and the person then acts for that enterprise and only it; a refused or
 * revoked claim gives no access.
 */
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const PASSWORD = 'Mat-khau-2026!';
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { enterprise_id?: string; unit?: string; realm_access?: { roles?: string[] } };

describe('support-programs: enterprise onboarding (Keycloak registration and admin API, Mailpit)', () => {
  let service: ServiceTestApp;
  let api: ReturnType<typeof client>;
  const taxCode = taxCodeFrom(`61${String(Date.now()).slice(-7)}`);
  let programmeId: string;
  let claimA: string;

  const as = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const person = (who: string) => ({ username: `dn-${run}-${who}`, email: `dn-${run}-${who}@example.vn`, password: PASSWORD, firstName: 'Nguyễn', lastName: `Văn ${who.toUpperCase()}` });
  const tokenOf = async (who: string) => {
    const { token, error } = await passwordToken(person(who).username, PASSWORD);
    if (!token) throw new Error(`no token for ${who}: ${error}`);
    return token;
  };

  beforeAll(async () => {
    service = await startServiceForTest({ service: 'support-programs', rootModule: AppModule });
    api = client(service.url);
    const programme = await api.post('/programmes', 'qn.admin', {
      name: 'Mô hình điểm cho doanh nghiệp tự đăng ký',
      legalBasis: ['Kế hoạch 138/KH-UBND ngày 19/6/2025'],
      funding: { sources: ['state-budget'] },
      eligibleGroups: ['cooperative', 'sme'],
      toolsOffered: ['5s'],
      openingDate: '2025-08-01',
      closingDate: '2030-12-31',
      capacity: 5,
      unitCode: '51-NGOKBAY',
    });
    expect(programme.status).toBe(201);
    programmeId = programme.body.id;
  });
  afterAll(() => service?.close());

  it('a person signs up on Keycloak (email verified through the mail), claims a new enterprise, and can do nothing else yet', async () => {
    await signUp(person('a'));
    const token = await tokenOf('a');
    expect(claimsOf(token).enterprise_id).toBeUndefined();
    expect((await as(token, 'GET', '/enterprises/mine')).status).toBe(403);
    const claim = await as(token, 'POST', '/enterprise-claims', { taxCode, name: `HTX Tự đăng ký ${run}`, unitCode: '51-NGOKBAY', sector: 'Nông nghiệp', size: 'small', group: 'cooperative' });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ status: 'submitted', taxCode, existing: false, unitCode: '51-NGOKBAY', claimant: { username: person('a').username, email: person('a').email } });
    claimA = claim.body.id;
    expect((await as(token, 'GET', `/enterprise-claims/${claimA}`)).body.status).toBe('submitted');
    const officers = await as(token, 'POST', `/enterprise-claims/${claimA}/confirm`);
    expect(officers.status).toBe(403);
  });

  it('the commune officer confirms (another commune may not): the account now acts for the enterprise, and only for it', async () => {
    expect((await api.post(`/enterprise-claims/${claimA}/confirm`, 'dakcam.officer')).status).toBe(403);
    const confirmed = await api.post(`/enterprise-claims/${claimA}/confirm`, 'ngokbay.officer');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', accountId: `MST-${taxCode}`, decidedBy: 'ngokbay.officer' });

    const token = await tokenOf('a');
    expect(claimsOf(token)).toMatchObject({ enterprise_id: `MST-${taxCode}`, unit: '51-NGOKBAY' });
    expect(claimsOf(token).realm_access?.roles).toContain('enterprise');
    const mine = await as(token, 'GET', '/enterprises/mine');
    expect(mine).toMatchObject({ status: 200, body: { id: `mst-${taxCode}`, accountId: `MST-${taxCode}` } });
    const applied = await as(token, 'POST', `/programmes/${programmeId}/registrations`, { tools: ['5s'] });
    expect(applied.status).toBe(201);

    // Another enterprise, registered by the officer: not this account's.
    const other = await api.post('/enterprises', 'ngokbay.officer', { taxCode: taxCodeFrom(`62${String(Date.now()).slice(-7)}`), name: 'Doanh nghiệp khác', unitCode: '51-NGOKBAY', sector: 'x', size: 'micro', group: 'sme', accountId: `DN-OTHER-${run}` });
    expect(other.status).toBe(201);
    expect((await as(token, 'PATCH', `/enterprises/${other.body.id}`, { name: 'Đổi tên' })).status).toBe(403);

    const events = await service.events.readStream(enterpriseClaimStreamId(claimA));
    expect(events.map((e) => [e.type, e.metadata.actor.username])).toEqual([
      ['EnterpriseClaimSubmitted', person('a').username],
      ['EnterpriseClaimConfirmed', 'ngokbay.officer'],
    ]);
  });

  it('a refused claim gives no access, and the person sees why', async () => {
    await signUp(person('b'));
    const tokenB = await tokenOf('b');
    const claim = await as(tokenB, 'POST', '/enterprise-claims', { taxCode });
    expect(claim).toMatchObject({ status: 201, body: { existing: true, enterpriseName: `HTX Tự đăng ký ${run}` } });
    const refused = await api.post(`/enterprise-claims/${claim.body.id}/refuse`, 'ngokbay.officer', { reason: 'Không phải người đại diện của hợp tác xã' });
    expect(refused).toMatchObject({ status: 200, body: { status: 'refused' } });
    const after = await tokenOf('b');
    expect(claimsOf(after).enterprise_id).toBeUndefined();
    expect((await as(after, 'GET', '/enterprises/mine')).status).toBe(403);
    expect((await as(after, 'GET', `/enterprise-claims/${claim.body.id}`)).body).toMatchObject({ status: 'refused', reason: 'Không phải người đại diện của hợp tác xã' });
    expect((await as(after, 'GET', `/enterprise-claims/${claimA}`)).status).toBe(403);
  });

  it('a revoked link gives no access any more', async () => {
    const revoked = await api.post(`/enterprise-claims/${claimA}/revoke`, 'ngokbay.officer', { reason: 'Người đại diện đã nghỉ việc' });
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked' } });
    const token = await tokenOf('a');
    expect(claimsOf(token).enterprise_id).toBeUndefined();
    expect(claimsOf(token).realm_access?.roles ?? []).not.toContain('enterprise');
    expect((await as(token, 'GET', '/enterprises/mine')).status).toBe(403);
    expect((await as(token, 'POST', `/programmes/${programmeId}/registrations`, { tools: ['5s'] })).status).toBe(403);
  });
});
