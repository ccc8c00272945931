import { call, SERVICES, serviceUrl, tokenFor } from './support/platform';

/**
 * The HTTP pipeline every service shares, against the running platform: the body is checked before
 * anything is done with it but a missing token is answered first, headers that keep browsers safe,
 * health that tells the public nothing it should not know, and messages that never echo input whole.
 */
describe('HTTP hardening of every service', () => {
  const deep = '['.repeat(10_000) + ']'.repeat(10_000);

  it.each(SERVICES)('%s answers 401 to a request without a token whatever its body, and 400 to the same body with one', async (service) => {
    const path = { plans: '/plans', 'support-programs': '/programmes', training: '/courses', awards: '/award-categories', audit: '/audit/backfill/plans', notifications: '/notifications/reminders/run' }[service];
    const anonymous = await call(service, 'POST', path, { body: deep });
    expect(anonymous.status).toBe(401);
    const token = await tokenFor('qn.admin');
    const authenticated = await call(service, 'POST', path, { token, body: deep });
    expect(authenticated).toMatchObject({ status: 400, body: { message: expect.stringMatching(/nests objects and arrays 10000 levels deep/) } });
  });

  it('answers 415 to a body that is not JSON, 400 to null, and never reads either as an empty body', async () => {
    const token = await tokenFor('qn.admin');
    const form = await call('plans', 'POST', '/plans', { token, body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form).toMatchObject({ status: 415, body: { message: expect.stringMatching(/Content-Type: application\/json/) } });
    const nothing = await call('plans', 'POST', '/plans', { token, body: 'null' });
    expect(nothing).toMatchObject({ status: 400, body: { message: 'The request body must be a JSON object ({ … }), not null.' } });
  });

  it('refuses a 10,000-character id without echoing it, and bounds every message', async () => {
    const token = await tokenFor('qn.admin');
    const id = 'x'.repeat(10_000);
    const res = await call('plans', 'GET', `/plans/${id}`, { token });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
    const long = 'y'.repeat(150);
    const missing = await call('training', 'GET', `/courses/${long}`, { token });
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.body).length).toBeLessThan(2000);
  });

  it('refuses impossible dates the same way on every service (400 naming the field)', async () => {
    const token = await tokenFor('qn.admin');
    const plan = await call('plans', 'POST', '/plans', { token, body: { content: { title: 'Kế hoạch thử', issuingUnit: '51', horizonYears: [2030], issueDate: '2025-13-01' } } });
    const course = await call('training', 'POST', '/courses', { token, body: { unitCode: '51', topic: '5S', startDate: '2025-13-01', endDate: '02/01/2026', capacity: 10 } });
    const category = await call('awards', 'POST', '/award-categories', {
      token,
      body: { unitCode: '51', name: 'Giải thưởng', eligibleNomineeKinds: ['enterprise'], period: { from: '2025-13-01', to: '31/12/2025' } },
    });
    for (const [res, field] of [[plan, 'issueDate'], [course, 'startDate'], [category, 'from']] as const) {
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(new RegExp(`${field} must be a real calendar date`));
    }
  });

  it.each(SERVICES)('%s sends security headers on API answers and a CSP that lets Swagger UI run', async (service) => {
    const api = await fetch(`${serviceUrl(service)}/health`);
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('referrer-policy')).toBe('no-referrer');
    expect(api.headers.get('x-frame-options')).toBe('DENY');
    const docs = await fetch(`${serviceUrl(service)}/docs`);
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    // Swagger UI's scripts are files of the same origin: none inline, so the CSP needs no 'unsafe-inline' for scripts.
    expect(await docs.text()).not.toMatch(/<script>(?!\s*<\/script>)[^<]+<\/script>/);
  });

  it('shows database names and latencies to operators only', async () => {
    const ready = await call('plans', 'GET', '/health/ready');
    expect(JSON.stringify(ready.body)).not.toMatch(/nangsuat_|latency/);
    expect((await call('plans', 'GET', '/health/details')).status).toBe(401);
    expect((await call('plans', 'GET', '/health/details', { token: await tokenFor('ngokbay.officer') })).status).toBe(403);
    expect((await call('plans', 'GET', '/health/details', { token: await tokenFor('auditor.vn') })).status).toBe(200);
  });
});
