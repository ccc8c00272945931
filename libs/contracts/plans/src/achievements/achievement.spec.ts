import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { DomainRuleViolation, Forbidden, Conflict } from '@nangsuat/event-sourcing';
import { seedIndicator } from '../indicators/seed-catalogue';
import { AchievementEvent, AchievementRecorded, achievementDecider, RecordAchievement } from './achievement';
import { organisationDecider } from './organisation';

const spec = deciderSpec(achievementDecider);
const college = { name: 'Trường Cao đẳng Nghề Ninh Thuận', kind: 'college' as const, unitCode: '58' };
const recorder = { username: 'kh.department', unit: '56', roles: ['department-officer'] };
const record: RecordAchievement = {
  type: 'RecordAchievement',
  achievementId: 'a1',
  indicatorCode: 'productivity-clubs',
  indicator: seedIndicator('productivity-clubs'),
  organisationId: 'cd-nghe-ninh-thuan',
  organisation: college,
  achievedOn: '2024-11-20',
  description: 'Thành lập Câu lạc bộ cải tiến năng suất của nhà trường',
  evidence: 'Quyết định số 215/QĐ-CĐN ngày 20/11/2024',
  recordedBy: recorder,
  today: '2026-11-30',
};
const recorded = spec.given([]).when(record).events() as AchievementEvent[];
const at = '2026-11-30T03:00:00.000Z';

describe('recorded achievement decider', () => {
  it('records an achievement naming the organisation, the date, a description and the evidence', () => {
    expect(recorded).toEqual([
      {
        type: 'AchievementRecorded',
        schemaVersion: 1,
        data: {
          achievementId: 'a1',
          indicator: 'productivity-clubs',
          organisationId: 'cd-nghe-ninh-thuan',
          organisationName: college.name,
          organisationKind: 'college',
          unitCode: '58',
          subjectId: 'cd-nghe-ninh-thuan',
          achievedOn: '2024-11-20',
          description: record.description,
          evidence: record.evidence,
          recordedBy: 'kh.department',
          recordedByUnit: '56',
        },
      },
    ]);
  });

  it('counts an S&T task by its reference, not by the institute', () => {
    const [e] = spec.given([]).when({ ...record, indicatorCode: 'st-tasks', indicator: seedIndicator('st-tasks'), subjectRef: 'NV-2024-01' }).events() as AchievementRecorded[];
    expect(e.data.subjectId).toBe('cd-nghe-ninh-thuan:NV-2024-01');
  });

  it.each<[string, Partial<RecordAchievement>, RegExp]>([
    ['an indicator outside the catalogue', { indicator: undefined, indicatorCode: 'made-up' }, /"made-up" is not in the indicator catalogue/],
    ['an indicator a service counts', { indicator: seedIndicator('trained-person-times'), indicatorCode: 'trained-person-times' }, /counted from the services’ events/],
    ['an unregistered organisation', { organisation: undefined }, /no organisation cd-nghe-ninh-thuan is registered/],
    ['a date in the future', { achievedOn: '2027-01-01' }, /is in the future/],
    ['no evidence', { evidence: '  ' }, /name the evidence/],
    ['no description', { description: '' }, /describe what was achieved/],
  ])('refuses %s', (_, over, message) => spec.given([]).when({ ...record, ...over }).thenThrows(DomainRuleViolation, message));

  it('is verified by the unit above, never by the person who recorded it', () => {
    const [verified] = spec.given(recorded).when({ type: 'VerifyAchievement', achievementId: 'a1', by: { username: 'kh.admin', unit: '56', roles: ['province-admin'] }, at }).events();
    expect(verified).toMatchObject({ type: 'AchievementVerified', data: { indicator: 'productivity-clubs', unitCode: '58', subjectId: 'cd-nghe-ninh-thuan', verifiedBy: 'kh.admin' } });
    spec.given(recorded).when({ type: 'VerifyAchievement', achievementId: 'a1', by: recorder, at }).thenThrows(Forbidden, /you recorded this achievement/i);
    spec.given([...recorded, verified as AchievementEvent]).when({ type: 'VerifyAchievement', achievementId: 'a1', by: { username: 'x', unit: '56', roles: ['province-admin'] }, at }).thenThrows(DomainRuleViolation, /only one awaiting verification/);
  });

  it('a commune’s achievement is verified by the province, not by another officer of the commune', () => {
    const commune = spec.given([]).when({ ...record, organisation: { ...college, kind: 'school', unitCode: '51-NGOKBAY' }, indicatorCode: 'schools-5s', indicator: seedIndicator('schools-5s'), recordedBy: { username: 'ngokbay.officer', unit: '51-NGOKBAY' } }).events() as AchievementEvent[];
    spec.given(commune).when({ type: 'VerifyAchievement', achievementId: 'a1', by: { username: 'other.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] }, at }).thenThrows(Forbidden, /verified by the unit above it; you act for 51-NGOKBAY/);
    expect(spec.given(commune).when({ type: 'VerifyAchievement', achievementId: 'a1', by: { username: 'qn.admin', unit: '51', roles: ['province-admin'] }, at }).events()).toHaveLength(1);
    // a village's achievement: the commune is the unit above
    const village = spec.given([]).when({ ...record, organisation: { ...college, kind: 'school', unitCode: '51-NGOKBAY-KONRLONG' }, indicatorCode: 'schools-5s', indicator: seedIndicator('schools-5s') }).events() as AchievementEvent[];
    expect(spec.given(village).when({ type: 'VerifyAchievement', achievementId: 'a1', by: { username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] }, at }).events()).toHaveLength(1);
  });

  it('is refused with a reason; a refused one is neither verified nor withdrawn', () => {
    const by = { username: 'kh.admin', unit: '56', roles: ['province-admin'] };
    spec.given(recorded).when({ type: 'RefuseAchievement', achievementId: 'a1', by, reason: ' ', at }).thenThrows(DomainRuleViolation, /needs its reason/);
    const refused = spec.given(recorded).when({ type: 'RefuseAchievement', achievementId: 'a1', by, reason: 'Thiếu quyết định thành lập', at }).events() as AchievementEvent[];
    expect(refused[0]).toMatchObject({ type: 'AchievementRefused', data: { reason: 'Thiếu quyết định thành lập' } });
    spec.given([...recorded, ...refused]).when({ type: 'VerifyAchievement', achievementId: 'a1', by, at }).thenThrows(DomainRuleViolation, /bị từ chối/);
    spec.given([...recorded, ...refused]).when({ type: 'WithdrawAchievement', achievementId: 'a1', by, reason: 'x', at }).thenThrows(DomainRuleViolation, /only a recorded or verified one/);
  });

  it('is withdrawn with a reason, saying whether it had counted', () => {
    const by = { username: 'kh.admin', unit: '56', roles: ['province-admin'] };
    const verified = spec.given(recorded).when({ type: 'VerifyAchievement', achievementId: 'a1', by, at }).events() as AchievementEvent[];
    const [w] = spec.given([...recorded, ...verified]).when({ type: 'WithdrawAchievement', achievementId: 'a1', by: recorder, reason: 'Câu lạc bộ chưa hoạt động', at }).events();
    expect(w).toMatchObject({ type: 'AchievementWithdrawn', data: { wasVerified: true, achievedOn: '2024-11-20', reason: 'Câu lạc bộ chưa hoạt động' } });
    const [early] = spec.given(recorded).when({ type: 'WithdrawAchievement', achievementId: 'a1', by: recorder, reason: 'Ghi nhầm', at }).events();
    expect(early).toMatchObject({ data: { wasVerified: false } });
  });
});

describe('organisation registry decider', () => {
  const org = deciderSpec(organisationDecider);
  it('registers an organisation in its unit; once', () => {
    const events = org.given([]).when({ type: 'RegisterOrganisation', organisationId: 'bv-ninh-thuan', name: 'Bệnh viện Đa khoa tỉnh Ninh Thuận', kind: 'hospital', unitCode: '58' }).events();
    expect(events[0]).toMatchObject({ type: 'OrganisationRegistered', data: { kind: 'hospital', unitCode: '58' } });
    org.given(events).when({ type: 'RegisterOrganisation', organisationId: 'bv-ninh-thuan', name: 'x', kind: 'hospital', unitCode: '58' }).thenThrows(Conflict, /already registered/);
    org.given([]).when({ type: 'RegisterOrganisation', organisationId: 'x', name: 'x', kind: 'hospital', unitCode: '99' }).thenThrows(DomainRuleViolation, /unknown administrative unit "99"/);
  });
});
