import { RecordedEvent } from '@nangsuat/event-sourcing';
import { CONTRIBUTION_RULES, countContributions, INDICATORS, mapAchievementToContribution, mapEventToContribution, seedIndicator, Target } from '@nangsuat/contracts/plans';
import { achievementFedIndicator, COUNTED_INDICATORS, countedIndicator, countTrail, indicatorOfType } from './count-trail';
import { chainedStream } from './test-events';

const evaluatedAt = Date.parse('2026-01-01T00:00:00.000Z');
const ref = (enterpriseId: string, unitCode: string, programmeId = 'p1') => ({ registrationId: `${programmeId}:${enterpriseId}`, programmeId, enterpriseId, unitCode, programmeUnitCode: '51' });
const reg = (programme: string, enterprise: string, unit: string, steps: [string, Record<string, unknown>?][], firstPosition: number) =>
  chainedStream(`pilot-model-registration-${programme}:${enterprise}`, steps.map(([type, extra]) => ({ type, data: { ...ref(enterprise, unit, programme), ...extra } })), { firstPosition });
const trainee = (course: string, person: string, unit: string, firstPosition: number) =>
  chainedStream(`course-${course}`, [{ type: 'TraineeCompleted', data: { courseId: course, personId: person, unitCode: unit } }], { firstPosition });
const cert = (id: string, person: string, types: string[], firstPosition: number, validTo = '2030-12-31') =>
  chainedStream(`expert-certification-${id}`, types.map((type) => ({ type, data: { certificationId: id, personId: person, unitCode: '51-NGOKBAY', validTo } })), { firstPosition, positionStep: 100 });
const nomination = (id: string, outcome: string, firstPosition: number) =>
  chainedStream(`nomination-${id}`, [{ type: 'NominationDecided', data: { nominationId: id, enterpriseId: `mst-${id}`, unitCode: '51', outcome } }], { firstPosition });

/** A mixed ledger of the three services, in global order. */
const events: RecordedEvent[] = [
  // Pilot models: approved then completed (counted once), a second programme of the same enterprise,
  // an approval withdrawn while holding a seat, a withdrawal before approval, a withdrawal after
  // completion, an enterprise outside Quảng Ngãi, an approval that cannot be mapped.
  ...reg('p1', 'mst-a', '51-NGOKBAY', [['RegistrationApproved'], ['RegistrationCompleted']], 1),
  ...reg('p2', 'mst-a', '51-NGOKBAY', [['RegistrationCompleted']], 15),
  ...reg('p1', 'mst-c', '51-DAKCAM', [['RegistrationApproved'], ['RegistrationWithdrawn', { seatHeld: true }]], 20),
  ...reg('p1', 'mst-e', '51-DAKCAM', [['RegistrationWithdrawn', { seatHeld: false }]], 25),
  ...reg('p1', 'mst-f', '51', [['RegistrationApproved'], ['RegistrationCompleted'], ['RegistrationWithdrawn', { seatHeld: true }]], 30),
  ...reg('p1', 'mst-d', '56', [['RegistrationApproved']], 35),
  ...chainedStream('pilot-model-registration-p1:broken', [{ type: 'RegistrationApproved', data: { registrationId: 'p1:broken', unitCode: '51' } }], { firstPosition: 38 }),
  // Training: one person on two courses counts twice; the same course twice counts once.
  ...trainee('k1', 'person-1', '51', 40),
  ...trainee('k2', 'person-1', '51', 41),
  ...trainee('k1', 'person-1', '51', 42),
  ...trainee('k1', 'person-2', '51-NGOKBAY', 43),
  // Certifications: two for one person, one expiring; one granted then revoked; one past its validTo.
  ...cert('c1', 'expert-1', ['CertificationGranted', 'CertificationExpired'], 50),
  ...cert('c2', 'expert-1', ['CertificationGranted'], 51),
  ...cert('c3', 'expert-2', ['CertificationGranted', 'CertificationRevoked'], 52),
  ...cert('c4', 'expert-3', ['CertificationGranted'], 53, '2025-06-30'),
  // Awards: awarded, not awarded, awarded.
  ...nomination('n1', 'awarded', 60),
  ...nomination('n2', 'not-awarded', 61),
  ...nomination('n3', 'awarded', 62),
  // Not counted by anything.
  ...chainedStream('course-k9', [{ type: 'CourseScheduled', data: { courseId: 'k9', unitCode: '51' } }], { firstPosition: 70 }),
].sort((x, y) => x.globalPosition - y.globalPosition);

const inQuangNgai = (unit: string) => unit === '51' || unit.startsWith('51-');
const trail = (indicator: string) => countTrail(indicator, events, inQuangNgai, { evaluatedAt });
const summary = (indicator: string) => trail(indicator).steps.map((s) => [s.type, s.subjectId ?? s.streamId, s.delta, s.runningCount, s.note]);

/** What the plans progress projection counts for the same events. */
function projected(indicator: string, upTo = Infinity): number {
  const contributions = events.filter((e) => e.globalPosition <= upTo).flatMap((e) => {
    const mapped = mapEventToContribution(e, CONTRIBUTION_RULES[e.type]?.service ?? 'training');
    return mapped.outcome === 'contribution' && mapped.contribution.indicator === indicator && inQuangNgai(mapped.contribution.unit) ? [mapped.contribution] : [];
  });
  return countContributions({ indicator } as Target, contributions, evaluatedAt).actual;
}

describe('count trail', () => {
  it('is keyed by the plans indicators, and every rule of the plans mapping belongs to one', () => {
    expect(COUNTED_INDICATORS.map((i) => i.indicator).sort()).toEqual(['awards', 'certified-experts', 'pilot-model-enterprises', 'trained-person-times']);
    for (const i of COUNTED_INDICATORS) expect(Object.keys(INDICATORS)).toContain(i.indicator);
    for (const type of Object.keys(CONTRIBUTION_RULES)) expect(indicatorOfType(type)).toBeDefined();
    expect(countedIndicator('pilot-model-enterprises')?.sources).toEqual([{ service: 'support-programs', types: ['RegistrationApproved', 'RegistrationCompleted', 'RegistrationWithdrawn'] }]);
    expect(countedIndicator('pilot-models')).toBeUndefined();
  });

  it.each(COUNTED_INDICATORS.map((i) => i.indicator))('%s: the final running count is what the plans counting rule gives', (indicator) => {
    const { steps, count } = trail(indicator);
    expect(count).toBe(projected(indicator));
    expect(steps.at(-1)?.runningCount ?? 0).toBe(count);
    expect(steps.reduce((n, s) => n + s.delta, 0)).toBe(count);
    // …and so is every running count, for the events up to that step.
    for (const step of steps) expect([step.eventId, step.runningCount]).toEqual([step.eventId, projected(indicator, step.globalPosition)]);
  });

  it('counts enterprises with an approved pilot model, naming every event and why it did not move the count', () => {
    expect(summary('pilot-model-enterprises')).toEqual([
      ['RegistrationApproved', 'mst-a', 1, 1, undefined],
      ['RegistrationCompleted', 'mst-a', 0, 1, 'mst-a already counted'],
      ['RegistrationCompleted', 'mst-a', 0, 1, 'mst-a already counted'],
      ['RegistrationApproved', 'mst-c', 1, 2, undefined],
      ['RegistrationWithdrawn', 'mst-c', -1, 1, undefined],
      ['RegistrationWithdrawn', 'pilot-model-registration-p1:mst-e', 0, 1, 'not counted: withdrawn before approval: it was never counted'],
      ['RegistrationApproved', 'mst-f', 1, 2, undefined],
      ['RegistrationCompleted', 'mst-f', 0, 2, 'mst-f already counted'],
      ['RegistrationWithdrawn', 'mst-f', 0, 2, 'mst-f still counted'],
      ['RegistrationApproved', 'pilot-model-registration-p1:broken', 0, 2, 'not counted: cannot be mapped (missing enterpriseId)'],
    ]);
    const step = trail('pilot-model-enterprises').steps[0];
    expect(step).toMatchObject({ who: 'kh.admin', unit: '51-NGOKBAY', kind: 'pilot-model-approved', recordedAt: events[0].recordedAt });
  });

  it('counts person-times once per (person, course)', () => {
    expect(summary('trained-person-times')).toEqual([
      ['TraineeCompleted', 'person-1', 1, 1, undefined],
      ['TraineeCompleted', 'person-1', 1, 2, undefined],
      ['TraineeCompleted', 'person-1', 0, 2, 'person-1 already counted'],
      ['TraineeCompleted', 'person-2', 1, 3, undefined],
    ]);
  });

  it('counts experts with a certification in force, once per person', () => {
    expect(summary('certified-experts')).toEqual([
      ['CertificationGranted', 'expert-1', 1, 1, undefined],
      ['CertificationGranted', 'expert-1', 0, 1, 'expert-1 already counted'],
      ['CertificationGranted', 'expert-2', 1, 2, undefined],
      ['CertificationGranted', 'expert-3', 0, 2, 'not counted: valid until 2025-06-30 only'],
      ['CertificationExpired', 'expert-1', 0, 2, 'expert-1 still counted'],
      ['CertificationRevoked', 'expert-2', -1, 1, undefined],
    ]);
  });

  it('counts awards decided, listing the nominations not awarded', () => {
    expect(summary('awards')).toEqual([
      ['NominationDecided', 'mst-n1', 1, 1, undefined],
      ['NominationDecided', 'nomination-n2', 0, 1, 'not counted: not awarded'],
      ['NominationDecided', 'mst-n3', 1, 2, undefined],
    ]);
  });

  it('keeps to the unit subtree', () => {
    const khanhHoa = countTrail('pilot-model-enterprises', events, (u) => u === '56', { evaluatedAt });
    expect(khanhHoa.steps.map((s) => [s.subjectId, s.delta])).toEqual([['mst-d', 1]]);
    expect(khanhHoa.count).toBe(1);
  });

  describe('an indicator fed by recorded achievements (productivity clubs)', () => {
    const club = (id: string, organisation: string, unit: string, types: [string, Record<string, unknown>?][], firstPosition: number) =>
      chainedStream(
        `achievement-${id}`,
        types.map(([type, extra]) => ({ type, data: { achievementId: id, indicator: 'productivity-clubs', subjectId: organisation, unitCode: unit, achievedOn: '2024-05-10', ...extra } })),
        { firstPosition },
      );
    const achievements: RecordedEvent[] = [
      // Verified: counted; a second club at the same organisation: already counted; verified then
      // withdrawn: taken back; withdrawn before verification: never counted; another indicator; outside the province.
      ...club('a1', 'org-dh-1', '51', [['AchievementVerified']], 100),
      ...club('a2', 'org-dh-1', '51', [['AchievementVerified']], 101),
      ...club('a3', 'org-cd-2', '51-NGOKBAY', [['AchievementVerified'], ['AchievementWithdrawn', { wasVerified: true }]], 102),
      ...club('a4', 'org-cd-3', '51', [['AchievementWithdrawn', { wasVerified: false }]], 105),
      ...chainedStream('achievement-a5', [{ type: 'AchievementVerified', data: { achievementId: 'a5', indicator: 'schools-5s', subjectId: 'school-1', unitCode: '51', achievedOn: '2024-05-10' } }], { firstPosition: 106 }),
      ...club('a6', 'org-nt-1', '58', [['AchievementVerified']], 107),
    ].sort((x, y) => x.globalPosition - y.globalPosition);
    const entry = seedIndicator('productivity-clubs')!;
    const clubs = countTrail('productivity-clubs', [...events, ...achievements], inQuangNgai, { evaluatedAt, entry });

    it('is known through its catalogue entry, with the plans service as its source', () => {
      expect(countedIndicator('productivity-clubs')).toBeUndefined();
      expect(achievementFedIndicator(entry)).toMatchObject({ indicator: 'productivity-clubs', sources: [{ service: 'plans', types: ['AchievementVerified', 'AchievementWithdrawn'] }] });
      expect(achievementFedIndicator(seedIndicator('trained-person-times')!)).toBeUndefined();
    });

    it('names every achievement of the indicator in scope, and why one did not move the count', () => {
      expect(clubs.steps.map((s) => [s.type, s.subjectId ?? s.streamId, s.delta, s.runningCount, s.note])).toEqual([
        ['AchievementVerified', 'org-dh-1', 1, 1, undefined],
        ['AchievementVerified', 'org-dh-1', 0, 1, 'org-dh-1 already counted'],
        ['AchievementVerified', 'org-cd-2', 1, 2, undefined],
        ['AchievementWithdrawn', 'org-cd-2', -1, 1, undefined],
        ['AchievementWithdrawn', 'achievement-a4', 0, 1, 'not counted: withdrawn before verification: it was never counted'],
      ]);
      expect(clubs.count).toBe(1);
    });

    it('ends where the plans counting rule ends on the same achievements', () => {
      const contributions = achievements.flatMap((e) => {
        const mapped = mapAchievementToContribution(e);
        return mapped.outcome === 'contribution' && mapped.contribution.indicator === 'productivity-clubs' && inQuangNgai(mapped.contribution.unit) ? [mapped.contribution] : [];
      });
      expect(clubs.count).toBe(countContributions({ indicator: 'productivity-clubs' } as Target, contributions, evaluatedAt, entry).actual);
    });
  });
});
