import { dueReminders, noticesForEvent } from './rules';
import type { TrackedCertification, TrackedPeriod, TrackedRegistration } from './tracked';

const period = (over: Partial<TrackedPeriod> = {}): TrackedPeriod => ({ _id: 'p1', planId: 'plan-1', unit: '51-NGOKBAY', year: 2026, dueDate: '2026-11-10', status: 'open', ...over });
const registration = (over: Partial<TrackedRegistration> = {}): TrackedRegistration => ({
  _id: 'prog:mst-1',
  enterpriseName: 'HTX Sâm',
  enterpriseAccountId: 'DN-51-0001',
  unitCode: '51-NGOKBAY',
  programmeUnitCode: '51-NGOKBAY',
  submittedOn: '2026-10-01',
  status: 'submitted',
  ...over,
});
const certification = (over: Partial<TrackedCertification> = {}): TrackedCertification => ({ _id: 'c1', unitCode: '51', certificateNumber: 'CG-01', validTo: '2026-12-31', status: 'valid', ...over });
const none = { periods: [], certifications: [], registrations: [] };

describe('who is told what, from an event', () => {
  it('a submitted registration goes to the office running the programme, with a link to it', () => {
    const [notice] = noticesForEvent({
      id: 'e1',
      type: 'RegistrationSubmitted',
      data: { registrationId: 'prog:mst-1', programmeId: 'prog', programmeUnitCode: '51-NGOKBAY', enterpriseName: 'HTX Sâm', taxCode: '6101000011' },
    });
    expect(notice).toMatchObject({
      key: 'event:e1:registration-submitted',
      kind: 'registration-submitted',
      audience: { kind: 'office', unit: '51-NGOKBAY' },
      link: { service: 'support-programs', recordId: 'prog:mst-1', path: '/registrations/prog%3Amst-1' },
    });
    expect(notice.title).toContain('HTX Sâm');
  });

  it('an approval or rejection goes to the enterprise that applied (its account, as tracked at submission)', () => {
    const approved = noticesForEvent({ id: 'e2', type: 'RegistrationApproved', data: { registrationId: 'prog:mst-1', programmeId: 'prog', unitCode: '51-NGOKBAY' } }, { registration: registration() });
    expect(approved[0]).toMatchObject({ kind: 'registration-approved', audience: { kind: 'enterprise', enterpriseAccountId: 'DN-51-0001' } });
    const rejected = noticesForEvent({ id: 'e3', type: 'RegistrationRejected', data: { registrationId: 'prog:mst-1', programmeId: 'prog', reason: 'Thiếu hồ sơ' } }, { registration: registration() });
    expect(rejected[0].body).toContain('Thiếu hồ sơ');
    expect(noticesForEvent({ id: 'e4', type: 'RegistrationApproved', data: { registrationId: 'x' } }, {})).toEqual([]);
  });

  it('a returned report goes to the office of the period, with the reason and the deadline as dd/mm/yyyy', () => {
    const [notice] = noticesForEvent({ id: 'e5', type: 'ReportReturned', data: { periodId: 'p1', reason: 'Số liệu chưa khớp' } }, { period: period() });
    expect(notice).toMatchObject({ kind: 'report-returned', audience: { kind: 'office', unit: '51-NGOKBAY' } });
    expect(notice.body).toContain('10/11/2026');
  });

  it('an enterprise claim goes to the office of its unit; its decision to the person who claimed', () => {
    const [submitted] = noticesForEvent({
      id: 'e8',
      type: 'EnterpriseClaimSubmitted',
      data: { claimId: 'c1', claimant: { userId: 'u9', username: 'nguoi.moi', email: 'a@b.vn' }, taxCode: '6101000011', unitCode: '51-NGOKBAY', profile: { name: 'HTX Sâm' } },
    });
    expect(submitted).toMatchObject({ kind: 'enterprise-claim-submitted', audience: { kind: 'office', unit: '51-NGOKBAY' } });
    expect(submitted.body).toContain('HTX Sâm');
    const [refused] = noticesForEvent({ id: 'e9', type: 'EnterpriseClaimRefused', data: { claimId: 'c1', claimantId: 'u9', unitCode: '51-NGOKBAY', reason: 'Sai người' } });
    expect(refused).toMatchObject({ kind: 'enterprise-claim-decided', audience: { kind: 'users', userIds: ['u9'] } });
    expect(refused.body).toContain('Sai người');
  });

  it('council members are asked to score; events that concern nobody tell nobody', () => {
    expect(noticesForEvent({ id: 'e6', type: 'NominationEvaluationStarted', data: { nominationId: 'n1', councilMemberIds: ['qn.council'], nomineeName: 'HTX', unitCode: '51' } })[0]).toMatchObject({
      audience: { kind: 'users', userIds: ['qn.council'] },
    });
    expect(noticesForEvent({ id: 'e7', type: 'PlanIssued', data: {} })).toEqual([]);
  });
});

describe('reminders due on a day', () => {
  it('a report: nothing 15 days ahead, the 14-day reminder from 14 days ahead, the 3-day one from 3 days, overdue after the deadline', () => {
    const on = (day: string) => dueReminders(day, { ...none, periods: [period()] }).map((n) => n.key);
    expect(on('2026-10-26')).toEqual([]);
    expect(on('2026-10-27')).toEqual(['reminder:report-due:p1:14']);
    expect(on('2026-11-06')).toEqual(['reminder:report-due:p1:14']);
    expect(on('2026-11-07')).toEqual(['reminder:report-due:p1:3']);
    expect(on('2026-11-10')).toEqual(['reminder:report-due:p1:3']);
    expect(on('2026-11-11')).toEqual(['reminder:report-overdue:p1']);
    expect(dueReminders('2026-11-11', { ...none, periods: [period({ status: 'submitted' })] })).toEqual([]);
  });

  it('a certification: 60 and 30 days before it expires, nothing once it has ended', () => {
    const on = (day: string, c = certification()) => dueReminders(day, { ...none, certifications: [c] }).map((n) => n.key);
    expect(on('2026-10-31')).toEqual([]);
    expect(on('2026-11-01')).toEqual(['reminder:certification-expiring:c1:60']);
    expect(on('2026-12-01')).toEqual(['reminder:certification-expiring:c1:30']);
    expect(on('2027-01-01')).toEqual([]);
    expect(on('2026-12-01', certification({ status: 'ended' }))).toEqual([]);
  });

  it('a registration waiting for review more than 7 days, until someone starts the review', () => {
    const on = (day: string, r = registration()) => dueReminders(day, { ...none, registrations: [r] }).map((n) => n.key);
    expect(on('2026-10-08')).toEqual([]);
    expect(on('2026-10-09')).toEqual(['reminder:registration-waiting:prog:mst-1']);
    expect(on('2026-10-20', registration({ status: 'under-review' }))).toEqual([]);
  });

  it('a council member who has not scored 7 days after the evaluation started, each member once', () => {
    const nomination = { _id: 'n1', unitCode: '51', nomineeName: 'HTX Sâm', councilMemberIds: ['qn.council', 'kh.council'], evaluatedBy: ['kh.council'], startedOn: '2026-11-01', status: 'evaluating' as const };
    const on = (day: string, n = nomination) => dueReminders(day, { ...none, nominations: [n] });
    expect(on('2026-11-08')).toEqual([]);
    expect(on('2026-11-09').map((r) => [r.key, r.audience])).toEqual([['reminder:nomination-unscored:n1:qn.council', { kind: 'users', userIds: ['qn.council'] }]]);
    expect(on('2026-11-20', { ...nomination, status: 'decided' as never })).toEqual([]);
  });
});
