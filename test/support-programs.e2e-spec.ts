import { supportPrograms } from './access-matrix';
import { call, tokenFor } from './support/platform';

/**
 * Support programmes and pilot models against the running platform (scripts/up.sh), with real
 * Keycloak tokens: the whole workflow, the read models catching up, a duplicate refused, and
 * capacity holding when two approvals race for the last seat. (Counting into the plans' progress
 * is covered by the plans service's own e2e tests.)
 */
const sp = async (method: string, path: string, user: string, body?: unknown) => call('support-programs', method, path, { token: await tokenFor(user), body });

/** Bounded wait for an eventually consistent read model (no wall-clock assertion). */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, attempts = 100): Promise<T> {
  let last = await read();
  for (let i = 1; i < attempts && !accept(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

describe('support-programs end to end', () => {
  let programmeId: string;
  let enterpriseId: string;
  let registrationId: string;

  beforeAll(async () => {
    programmeId = await supportPrograms.ngokBayProgramme();
    enterpriseId = await supportPrograms.ngokBayEnterprise();
  });

  it('the enterprise of ent.ngokbay is its own, and nobody else\'s', async () => {
    expect((await sp('GET', '/enterprises/mine', 'ent.ngokbay')).body).toMatchObject({ id: enterpriseId, accountId: 'DN-51-0001' });
    expect((await sp('GET', `/enterprises/${enterpriseId}`, 'ent.phanrang')).status).toBe(403);
    expect((await sp('GET', `/enterprises/${enterpriseId}`, 'ngokbay.officer')).status).toBe(200);
  });

  it('submit → review → approve → start → complete, each answered with the new state', async () => {
    const submitted = await sp('POST', `/programmes/${programmeId}/registrations`, 'ent.ngokbay', { tools: ['5s', 'gap-organic'], description: 'Mô hình 5S và VietGAP cho vùng trồng sâm' });
    expect(submitted.status).toBe(201);
    registrationId = submitted.body.id;
    expect((await sp('POST', `/programmes/${programmeId}/registrations`, 'ent.ngokbay', { tools: ['5s'] })).status).toBe(409);
    expect((await sp('POST', `/registrations/${registrationId}/review`, 'ngokbay.officer')).body.status).toBe('under-review');
    expect((await sp('POST', `/registrations/${registrationId}/approve`, 'ngokbay.officer', { note: 'Đủ điều kiện' })).body.status).toBe('approved');
    expect((await sp('GET', `/programmes/${programmeId}`, 'ent.ngokbay')).body).toMatchObject({ seatsTaken: 1, capacity: 2 });
    expect((await sp('POST', `/registrations/${registrationId}/start`, 'ent.ngokbay', {})).body.status).toBe('in-implementation');
    const completed = await sp('POST', `/registrations/${registrationId}/complete`, 'ngokbay.officer', {
      productivityGainPercent: 15,
      certificatesObtained: ['VietGAP'],
      evidence: [{ title: 'Biên bản nghiệm thu mô hình điểm', reference: '05/BB-VHXH' }],
    });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', outcome: { productivityGainPercent: 15 } });
  });

  it('lists catch up, scoped to who asks; history names who did what and why', async () => {
    const listed = await eventually(() => sp('GET', `/registrations?programme=${programmeId}`, 'qn.admin'), (r) => r.body?.items?.[0]?.status === 'completed');
    expect(listed.body.items[0]).toMatchObject({ id: registrationId, status: 'completed' });
    expect((await sp('GET', `/registrations?programme=${programmeId}`, 'dakcam.officer')).body.total).toBe(0);
    const programmes = await eventually(() => sp('GET', '/programmes?unit=51&q=mo%20hinh%20diem%20ngok%20bay', 'ent.phanrang'), (r) => r.body?.items?.some((p: { id: string }) => p.id === programmeId));
    expect(programmes.body.items.find((p: { id: string }) => p.id === programmeId)).toMatchObject({ seatsTaken: 1 });
    const history = await sp('GET', `/registrations/${registrationId}/history`, 'auditor.vn');
    expect(history.body.events.find((e: { type: string }) => e.type === 'RegistrationApproved')).toMatchObject({ actor: { username: 'ngokbay.officer', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY', reason: 'Đủ điều kiện' });
  });

  it('two approvals racing for the last seat: one approved, one 409', async () => {
    const raceProgramme = await supportPrograms.ngokBayProgramme({ name: 'Chương trình một suất', capacity: 1, unitCode: '51' });
    const phanRang = await sp('GET', '/enterprises/mine', 'ent.phanrang');
    const phanRangId =
      phanRang.status === 200
        ? phanRang.body.id
        : (await sp('POST', '/enterprises', 'ent.phanrang', { taxCode: '4501000015', name: 'Công ty TNHH Nho Phan Rang', unitCode: '56-PHANRANG', sector: 'Chế biến nho', size: 'small', group: 'sme' })).body.id;
    const ids: string[] = [];
    for (const [user, id] of [['ent.ngokbay', enterpriseId], ['ent.phanrang', phanRangId]] as const) {
      const submitted = await sp('POST', `/programmes/${raceProgramme}/registrations`, user, { tools: ['5s'], enterpriseId: id });
      expect(submitted.status).toBe(201);
      ids.push(submitted.body.id);
      expect((await sp('POST', `/registrations/${submitted.body.id}/review`, 'qn.department')).status).toBe(200);
    }
    const results = await Promise.all(ids.map((id, i) => sp('POST', `/registrations/${id}/approve`, i ? 'qn.admin' : 'qn.department', {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await sp('GET', `/programmes/${raceProgramme}`, 'qn.admin')).body).toMatchObject({ seatsTaken: 1, seatsAvailable: 0 });
  });
});
