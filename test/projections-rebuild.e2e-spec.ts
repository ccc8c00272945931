import { call, SERVICES, tokenFor } from './support/platform';

/**
 * Read models are rebuildable from each service's event store while the service runs
 * (POST /projections/:name/rebuild): after a rebuild the lists show what the store holds — here the
 * demo data that scripts/up.sh loaded.
 */
describe('read models rebuilt from the event store while the services run', () => {
  // The notifications service keeps no rebuildable read model (its inbox is its own record).
  const eventSourced = SERVICES.filter((s) => s !== 'audit' && s !== 'notifications');

  const eventually = async (probe: () => Promise<{ status: number; body: any }>, ok: (body: any) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const res = await probe();
      if (res.status === 200 && ok(res.body)) return res;
      await new Promise((r) => setTimeout(r, 200));
    }
    return probe();
  };

  it.each(eventSourced)('%s rebuilds every read model it has', async (service) => {
    const token = await tokenFor('qn.admin');
    const listed = await call(service, 'GET', '/projections', { token });
    expect(listed.status).toBe(200);
    expect(listed.body.length).toBeGreaterThan(0);
    for (const { name } of listed.body as { name: string }[]) {
      const rebuilt = await call(service, 'POST', `/projections/${name}/rebuild`, { token });
      expect(rebuilt.status).toBe(201);
      expect(rebuilt.body).toMatchObject({ name, streams: expect.any(Number), events: expect.any(Number) });
    }
  });

  it('shows the seed plans and the demo course again after the rebuild', async () => {
    const token = await tokenFor('qn.admin');
    const plans = await eventually(() => call('plans', 'GET', '/plans?q=4009', { token }), (b) => b.total >= 1);
    expect(plans.body.items.map((p: any) => p.documentNumber)).toContain('4009/KH-UBND');
    const courses = await eventually(() => call('training', 'GET', '/courses?unit=51-NGOKBAY&q=5S%20Kaizen', { token }), (b) => b.total >= 1);
    expect(courses.body.items[0].topic).toMatch(/5S và Kaizen/);
  });

  it('refuses a rebuild to anyone but a province administrator', async () => {
    for (const user of ['ngokbay.officer', 'auditor.vn', 'ent.ngokbay']) {
      const res = await call('plans', 'POST', '/projections/plans.plan-list/rebuild', { token: await tokenFor(user) });
      expect(res.status).toBe(403);
    }
  });
});
