import { startServiceForTest, ServiceTestApp } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';
import { enterpriseClaimStreamId, enterpriseStreamId } from '@nangsuat/contracts/support-programs';
import { client, eventually, taxCodeFrom } from '../testing/http-client';
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
  let claimC: string;

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

  it("the officers' queue lists the claims of their unit only; the claimant sees their own", async () => {
    const ofUnit = await eventually(
      () => api.get(`/enterprise-claims?q=${taxCode}`, 'ngokbay.officer'),
      (r) => r.status === 200 && r.body.items.some((c: { id: string; status: string }) => c.id === claimA && c.status === 'confirmed'),
    );
    expect(ofUnit.body.items.find((c: { id: string }) => c.id === claimA)).toMatchObject({ taxCode, unitCode: '51-NGOKBAY', claimant: { username: person('a').username }, decidedBy: 'ngokbay.officer' });
    const waiting = await api.get(`/enterprise-claims?status=submitted&q=${taxCode}`, 'ngokbay.officer');
    expect(waiting.status).toBe(200);
    expect(waiting.body.items.map((c: { id: string }) => c.id)).not.toContain(claimA);
    const elsewhere = await api.get(`/enterprise-claims?q=${taxCode}`, 'dakcam.officer');
    expect(elsewhere).toMatchObject({ status: 200, body: { total: 0 } });
    const mine = await as(await tokenOf('a'), 'GET', '/enterprise-claims/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([claimA]);
    expect((await api.get('/enterprise-claims?status=pending', 'ngokbay.officer')).status).toBe(400);
  });

  it('the first person of the enterprise vouches for a second (a user of another enterprise may not)', async () => {
    await signUp(person('c'));
    const tokenC = await tokenOf('c');
    const claim = await as(tokenC, 'POST', '/enterprise-claims', { taxCode });
    expect(claim).toMatchObject({ status: 201, body: { existing: true, enterpriseAccountId: `MST-${taxCode}` } });
    claimC = claim.body.id;
    const tokenA = await tokenOf('a');
    const queue = await eventually(
      () => as(tokenA, 'GET', '/enterprise-claims?status=submitted'),
      (r) => r.status === 200 && r.body.items.some((c: { id: string }) => c.id === claim.body.id),
    );
    expect(queue.body.items.every((c: { enterpriseAccountId?: string }) => c.enterpriseAccountId === `MST-${taxCode}`)).toBe(true);
    const officersQueue = await eventually(
      () => api.get('/enterprise-claims?status=submitted&unit=51-NGOKBAY', 'ngokbay.officer'),
      (r) => r.status === 200 && r.body.items.some((c: { id: string }) => c.id === claim.body.id),
    );
    expect(officersQueue.body.items.find((c: { id: string }) => c.id === claim.body.id)).toMatchObject({ status: 'submitted', claimant: { username: person('c').username } });
    expect((await api.post(`/enterprise-claims/${claim.body.id}/confirm`, 'ent.ngokbay')).status).toBe(403);
    expect((await as(tokenC, 'POST', `/enterprise-claims/${claim.body.id}/confirm`)).status).toBe(403);
    const confirmed = await as(tokenA, 'POST', `/enterprise-claims/${claim.body.id}/confirm`);
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'confirmed', accountId: `MST-${taxCode}`, decidedBy: person('a').username } });
    const after = await tokenOf('c');
    expect(claimsOf(after)).toMatchObject({ enterprise_id: `MST-${taxCode}`, unit: '51-NGOKBAY' });
    expect(await as(after, 'GET', '/enterprises/mine')).toMatchObject({ status: 200, body: { id: `mst-${taxCode}` } });
  });

  it('an enterprise an officer registered without an account is claimed: confirming gives it its account', async () => {
    const bare = taxCodeFrom(`63${String(Date.now()).slice(-7)}`);
    const registered = await api.post('/enterprises', 'ngokbay.officer', { taxCode: bare, name: `HTX chưa có tài khoản ${run}`, unitCode: '51-NGOKBAY', sector: 'Dược liệu', size: 'micro', group: 'cooperative' });
    expect(registered.status).toBe(201);
    expect(registered.body.accountId).toBeUndefined();
    await signUp(person('d'));
    const tokenD = await tokenOf('d');
    const claim = await as(tokenD, 'POST', '/enterprise-claims', { taxCode: bare });
    expect(claim).toMatchObject({ status: 201, body: { existing: true, enterpriseName: `HTX chưa có tài khoản ${run}` } });
    expect(claim.body.enterpriseAccountId).toBeUndefined();
    // No user of it exists yet, so nobody but an officer can vouch.
    expect((await api.post(`/enterprise-claims/${claim.body.id}/confirm`, 'ent.ngokbay')).status).toBe(403);
    const confirmed = await api.post(`/enterprise-claims/${claim.body.id}/confirm`, 'ngokbay.officer');
    expect(confirmed).toMatchObject({ status: 200, body: { status: 'confirmed', accountId: `MST-${bare}` } });
    const events = await service.events.readStream(enterpriseStreamId(`mst-${bare}`));
    expect(events.map((e) => e.type)).toEqual(['EnterpriseRegistered', 'EnterpriseAccountAssigned']);
    const after = await tokenOf('d');
    expect(claimsOf(after).enterprise_id).toBe(`MST-${bare}`);
    expect(await as(after, 'GET', '/enterprises/mine')).toMatchObject({ status: 200, body: { id: `mst-${bare}`, accountId: `MST-${bare}` } });
    expect((await as(after, 'POST', `/programmes/${programmeId}/registrations`, { tools: ['5s'] })).status).toBe(201);
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

  it("a colleague revokes a link of their enterprise (someone who left), but not their own; another enterprise's user may not", async () => {
    const tokenC = await tokenOf('c');
    const own = await as(tokenC, 'POST', `/enterprise-claims/${claimC}/revoke`, { reason: 'Tự rút khỏi doanh nghiệp' });
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/your own link/);
    expect((await api.post(`/enterprise-claims/${claimC}/revoke`, 'ent.ngokbay', { reason: 'Không phải người của chúng tôi' })).status).toBe(403);
    expect(await service.events.readStream(enterpriseClaimStreamId(claimC))).toHaveLength(2);
    const revoked = await as(await tokenOf('a'), 'POST', `/enterprise-claims/${claimC}/revoke`, { reason: 'Đã nghỉ việc tại hợp tác xã' });
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked', reason: 'Đã nghỉ việc tại hợp tác xã' } });
    const after = await tokenOf('c');
    expect(claimsOf(after).enterprise_id).toBeUndefined();
    expect((await as(after, 'GET', '/enterprises/mine')).status).toBe(403);
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
