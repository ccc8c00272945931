import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dueReminders, noticesForEvent } from './rules';
import type { TrackedPeriod, TrackedRegistration } from './tracked';

/** The console's routes, read from its router: a notice's link must open one of them. */
const routes = [...readFileSync(join(__dirname, '../../../../console/src/App.tsx'), 'utf8').matchAll(/<Route path="([^"]+)"/g)]
  .map((m) => m[1])
  .filter((path) => path !== '*')
  .map((path) => new RegExp(`^/${path.replace(/:[A-Za-z]+/g, '[^/]+')}$`));
// The inbox follows plain paths only (InboxPage's linkPathOf).
const followable = (path: string) => /^\/[A-Za-z0-9/_\-.%:]*$/.test(path) && routes.some((r) => r.test(path));

const period: TrackedPeriod = { _id: 'p1-51-NGOKBAY-2025', planId: 'p1', unit: '51-NGOKBAY', year: 2025, dueDate: '2025-11-10', status: 'open' };
const registration: TrackedRegistration = { _id: 'prog:mst-0100107518', enterpriseName: 'HTX Ngọk Bay', enterpriseAccountId: 'MST-0100107518', unitCode: '51-NGOKBAY', programmeUnitCode: '51', submittedOn: '2025-09-01', status: 'submitted' };
const data = { registrationId: registration._id, programmeUnitCode: '51', unitCode: '51-NGOKBAY', claimId: 'c1', claimantId: 'u1', taxCode: '0100107518', profile: { name: 'HTX' }, claimant: { username: 'a' }, nominationId: 'n1', councilMemberIds: ['m1'], reason: 'r' };
const EVENT_TYPES = ['RegistrationSubmitted', 'RegistrationApproved', 'RegistrationRejected', 'ReportReturned', 'ReportApproved', 'EnterpriseClaimSubmitted', 'EnterpriseClaimConfirmed', 'EnterpriseClaimRefused', 'EnterpriseLinkRevoked', 'NominationEvaluationStarted'];

describe('every notice links to a page of the console', () => {
  it('reads the console router', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it.each(EVENT_TYPES)('%s', (type) => {
    const notices = noticesForEvent({ id: 'e1', type, data }, { registration, period });
    expect(notices.length).toBeGreaterThan(0);
    for (const n of notices) expect({ kind: n.kind, path: n.link?.path, followable: followable(n.link?.path ?? '') }).toMatchObject({ followable: true });
  });

  it('reminders too', () => {
    const notices = dueReminders('2025-11-12', {
      periods: [period],
      certifications: [{ _id: 'cert-1', unitCode: '51', certificateNumber: 'CG-1', validTo: '2025-12-01', status: 'valid' }],
      registrations: [registration],
      nominations: [{ _id: 'n1', unitCode: '51', nomineeName: 'HTX', councilMemberIds: ['m1'], evaluatedBy: [], startedOn: '2025-10-01', status: 'evaluating' }],
    });
    expect(new Set(notices.map((n) => n.kind)).size).toBeGreaterThanOrEqual(4);
    for (const n of notices) expect({ kind: n.kind, path: n.link?.path, followable: followable(n.link?.path ?? '') }).toMatchObject({ followable: true });
  });
});
