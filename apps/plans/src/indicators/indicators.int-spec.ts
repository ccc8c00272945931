import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServiceForTest, ServiceTestApp, apiClient, eventually } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../app.module';
import { envelope, EventFeed, issuePlan, target } from '../plans/progress/testing/progress-kit';

/**
 * The indicator catalogue through a real plans service: an indicator set imported from its JSON
 * file (docs/indicators/example-set.json) is one versioned change, with who and why; a plan drafted
 * afterwards refers to the new indicators, and progress follows them — from recorded achievements
 * and from another service's events — without a restart. A plan naming an indicator outside the
 * catalogue is refused.
 */
describe('plans: the indicator catalogue (integration)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const feed = new EventFeed();
  const file = JSON.parse(readFileSync(join(__dirname, '../../../../docs/indicators/example-set.json'), 'utf8'));

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'plans', rootModule: AppModule });
    api = apiClient(svc.url);
    await feed.start();
  });
  afterAll(async () => {
    await feed.stop();
    await svc?.close();
  });

  it('lists the seeded indicators of the seed plans, searchable without diacritics', async () => {
    const all = await api('qn.admin', 'GET', '/indicators');
    expect(all.status).toBe(200);
    expect(all.body.catalogueVersion).toBe(0);
    expect(all.body.indicators.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['pilot-model-enterprises', 'trained-person-times', 'schools-5s', 'st-tasks']));
    const found = await api('qn.admin', 'GET', '/indicators?q=truong%20hoc%205S');
    expect(found.body.indicators.map((i: { code: string }) => i.code)).toEqual(['schools-5s']);
    expect((await api('qn.admin', 'GET', '/indicators/schools-5s')).body).toMatchObject({ origin: 'seed', entry: { unitOfMeasure: 'schools', feed: { from: 'recorded-achievements' } } });
  });

  it('refuses a plan naming an indicator outside the catalogue', async () => {
    const r = await api('qn.admin', 'POST', '/plans', {
      planId: 'qn-ocop-too-early',
      content: { title: 'Kế hoạch OCOP', issuingUnit: '51', horizonYears: [2030], generalObjectives: ['x'], targets: [target('ocop', 'ocop-products-3-stars', 'products', 2030, { comparison: 'at-least', value: 3 })] },
    });
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/"ocop-products-3-stars" is not in the indicator catalogue/);
  });

  it('only province officers change the catalogue', async () => {
    expect((await api('ngokbay.officer', 'POST', '/indicators/imports', file)).status).toBe(403);
    expect((await api('auditor.vn', 'POST', '/indicators/imports', file)).status).toBe(403);
    const bad = await api('qn.admin', 'POST', '/indicators/imports', { ...file, entries: [{ ...file.entries[0], counting: { ...file.entries[0].counting, rule: 'guess' } }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/rule must be one of/);
    expect((await api('qn.admin', 'GET', '/indicators')).body.catalogueVersion).toBe(0);
  });

  it('imports the set from its file as one versioned change; a plan follows the new indicators without a restart', async () => {
    const imported = await api('qn.admin', 'POST', '/indicators/imports', file);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ catalogueVersion: 1, added: ['ocop-products-3-stars', 'pilot-models-completed'], revised: [], unchanged: [] });
    expect((await api('qn.admin', 'POST', '/indicators/imports', file)).status).toBe(409);
    const changes = await api('auditor.vn', 'GET', '/indicators/changes');
    expect(changes.body).toEqual([expect.objectContaining({ catalogueVersion: 1, type: 'IndicatorSetImported', by: 'qn.admin', unit: '51', reason: file.reason, set: `${file.setName} ${file.setVersion}` })]);

    await issuePlan(api, 'qn.admin', {
      planId: 'qn-ocop',
      unit: '51',
      title: 'Kế hoạch phát triển sản phẩm OCOP gắn với nâng cao năng suất',
      documentNumber: '77/KH-UBND',
      issueDate: '01/07/2025',
      horizonYears: [2030],
      targets: [
        target('ocop-2030', 'ocop-products-3-stars', 'products', 2030, { comparison: 'at-least', value: 2 }),
        target('completed-2030', 'pilot-models-completed', 'enterprises', 2030, { comparison: 'at-least', value: 1 }),
      ],
    });
    // A recorded achievement for the new indicator, verified by the province office…
    await api('qn.department', 'POST', '/organisations', { organisationId: 'htx-sam', name: 'Hợp tác xã Sâm Ngọc Linh', kind: 'cooperative', unitCode: '51-NGOKBAY' });
    const recorded = await api('ngokbay.officer', 'POST', '/achievements', { indicator: 'ocop-products-3-stars', organisationId: 'htx-sam', achievedOn: '15/09/2025', description: 'Sâm Ngọc Linh đạt OCOP 4 sao', evidence: 'Quyết định 512/QĐ-UBND' });
    expect(recorded.status).toBe(201);
    expect((await api('qn.admin', 'POST', `/achievements/${recorded.body.achievementId}/verification`, {})).status).toBe(200);
    // …and a completed pilot model from the support-programs topic.
    await feed.publish(
      'support-programs',
      envelope(
        'RegistrationCompleted',
        { registrationId: 'reg-ocop', enterpriseId: 'ent-sam', unitCode: '51-NGOKBAY', completedAt: '2025-10-01T03:00:00.000Z' },
        { streamId: 'pilot-model-registration-reg-ocop', occurredAt: '2025-10-01T03:00:00.000Z' },
      ),
    );
    const body = await eventually(
      async () => (await api('qn.admin', 'GET', '/plans/qn-ocop/progress?asOf=31/12/2025')).body,
      (b) => b.targets?.every((t: { actual: number }) => t.actual === 1),
      120_000,
    );
    expect(body.targets.map((t: { targetId: string; actual: number }) => [t.targetId, t.actual])).toEqual([
      ['ocop-2030', 1],
      ['completed-2030', 1],
    ]);
    expect(body.targets[1].status).toBe('achieved');
  });

  it('a revision is one more version with its reason; the previous entry is kept', async () => {
    const current = (await api('qn.admin', 'GET', '/indicators/ocop-products-3-stars')).body.entry;
    const revised = await api('qn.admin', 'POST', '/indicators/ocop-products-3-stars/revisions', { entry: { ...current, levels: ['province', 'commune', 'village'] }, reason: 'Thôn cũng theo dõi chỉ tiêu OCOP' });
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ catalogueVersion: 2, origin: 'imported', entry: { levels: ['province', 'commune', 'village'] } });
    const same = await api('qn.admin', 'POST', '/indicators/ocop-products-3-stars/revisions', { entry: { ...current, levels: ['province', 'commune', 'village'] }, reason: 'lặp lại' });
    expect(same.status).toBe(422);
    const history = (await api('qn.admin', 'GET', '/indicators/ocop-products-3-stars')).body.changes;
    expect(history.map((c: { type: string; catalogueVersion: number }) => [c.type, c.catalogueVersion])).toEqual([
      ['IndicatorSetImported', 1],
      ['IndicatorRevised', 2],
    ]);
  });
});
