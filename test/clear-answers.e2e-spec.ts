import { call, tokenFor } from './support/platform';

/**
 * Answers that say what they mean, against the platform with its demo data: the two times a plan can
 * be read at, the same date forms on plans and audit, a username where one is expected, and event
 * ids in histories.
 */
describe('clear answers', () => {
  const plan = 'ninh-thuan-4009-2023'; // issued 26/09/2023, entered into the platform by the demo data today

  it('reads a plan as recorded (asOf) or as in force (inForceOn), and says which when it was not there', async () => {
    const token = await tokenFor('qn.admin');
    const recorded = await call('plans', 'GET', `/plans/${plan}?asOf=31/12/2024`, { token });
    expect(recorded.status).toBe(404);
    expect(recorded.body.message).toMatch(/had not been recorded on the platform by .*use inForceOn/);
    const inForce = await call('plans', 'GET', `/plans/${plan}?inForceOn=31/12/2024`, { token });
    expect(inForce.status).toBe(200);
    expect(inForce.body).toMatchObject({ planId: plan, version: 1, content: { documentNumber: '4009/KH-UBND', issueDate: '2023-09-26' } });
    const before = await call('plans', 'GET', `/plans/${plan}?inForceOn=2023-01-01`, { token });
    expect(before).toMatchObject({ status: 404, body: { message: expect.stringMatching(/in force on 01\/01\/2023: the first applies from 26\/09\/2023/) } });
    const both = await call('plans', 'GET', `/plans/${plan}?asOf=2024-12-31&inForceOn=2024-12-31`, { token });
    expect(both.status).toBe(400);
    // The same date forms on plans and audit; a malformed one is 400 on both, naming the parameter.
    const now = new Date().toISOString();
    expect((await call('plans', 'GET', `/plans/${plan}?asOf=${encodeURIComponent(now)}`, { token })).status).toBe(200);
    const auditor = await tokenFor('auditor.vn');
    const state = await call('audit', 'GET', `/audit/streams/${encodeURIComponent(`plan-${plan}`)}/state?asOf=31/12/2099`, { token: auditor });
    expect(state.status).not.toBe(400);
    for (const [service, path, tok] of [['plans', `/plans/${plan}?asOf=2025-13-01`, token], ['audit', `/audit/streams/plan-${plan}/state?asOf=2025-13-01`, auditor]] as const) {
      const res = await call(service, 'GET', path, { token: tok });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/asOf "2025-13-01" is neither a date/);
    }
  });

  it('expects a username in the audit activity route and says so when given a user id', async () => {
    const auditor = await tokenFor('auditor.vn');
    const byId = await call('audit', 'GET', '/audit/users/5f1c2b3a-0000-4000-8000-000000000001/activity', { token: auditor });
    expect(byId.status).toBe(400);
    expect(byId.body.message).toMatch(/is a user id; give the username instead \(e\.g\. qn\.admin\)/);
    expect((await call('audit', 'GET', '/audit/users/qn.admin/activity', { token: auditor })).status).toBe(200);
  });

  it('names every event of a history by its id, and the why of a change as reason', async () => {
    const auditor = await tokenFor('auditor.vn');
    const registrations = await call('support-programs', 'GET', '/registrations?unit=51-NGOKBAY', { token: auditor });
    const id = registrations.body.items[0].id as string;
    const history = await call('support-programs', 'GET', `/registrations/${encodeURIComponent(id)}/history`, { token: auditor });
    expect(history.status).toBe(200);
    const events = history.body.events as { eventId: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => /^[0-9a-f-]{36}$/.test(e.eventId))).toBe(true);
    const planHistory = await call('plans', 'GET', `/plans/${plan}/history`, { token: auditor });
    expect(planHistory.body.every((e: { eventId: string }) => /^[0-9a-f-]{36}$/.test(e.eventId))).toBe(true);
    // The ledger is fed through Kafka: wait for the plan's events to reach it.
    let timeline = await call('audit', 'GET', `/audit/streams/${encodeURIComponent(`plan-${plan}`)}/timeline`, { token: auditor });
    for (let i = 0; i < 60 && !(timeline.status === 200 && timeline.body.items.length >= 2); i++) {
      await new Promise((r) => setTimeout(r, 500));
      timeline = await call('audit', 'GET', `/audit/streams/${encodeURIComponent(`plan-${plan}`)}/timeline`, { token: auditor });
    }
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.length).toBeGreaterThanOrEqual(2);
    for (const entry of timeline.body.items as object[]) {
      expect(entry).not.toHaveProperty('why');
      expect(entry).toHaveProperty('eventId');
    }
  });
});
