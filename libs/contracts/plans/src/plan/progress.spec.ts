import { NINH_THUAN_4009_TARGETS } from '../seed/ninh-thuan-4009';
import { NGOK_BAY_COMMUNE } from '../seed/ngok-bay-commune';
import { Target } from './plan-content';
import { computePlanProgress, computeProgress, Contribution, decideStatus, meets, ReportedValue, requiredValue, StatusInput } from './progress';

const target = (id: string): Target => NINH_THUAN_4009_TARGETS.find((t) => t.id === id)!;
const ninhThuan = { issuingUnit: '58', issueDate: '2023-09-26' };
const quangNgai = { issuingUnit: '51', issueDate: '2025-06-19' };
const ngokBay = { issuingUnit: '51-NGOKBAY', issueDate: '2025-08-05' };
const ngokBayTarget = NGOK_BAY_COMMUNE.content.targets![0];

let n = 0;
const fact = (over: Partial<Contribution> & Pick<Contribution, 'kind' | 'subjectId'>): Contribution => ({
  eventId: `e${++n}`,
  unit: '58',
  occurredAt: '2024-05-01T03:00:00Z',
  ...over,
});

describe('status rules', () => {
  const counted = (over: Partial<StatusInput>): StatusInput => ({ met: false, periodOver: false, elapsedShare: 0.5, actual: 0, required: 10, source: 'counted', ...over });
  it.each<[string, StatusInput, string]>([
    ['met before the end', counted({ met: true, actual: 10 }), 'achieved'],
    ['met after the end', counted({ met: true, periodOver: true, elapsedShare: 1 }), 'achieved'],
    ['not met, year over', counted({ periodOver: true, elapsedShare: 1, actual: 9 }), 'missed'],
    ['first quarter, nothing yet', counted({ elapsedShare: 0.2 }), 'on-track'],
    ['half-way, 4 of 10 (≥ 80% of 5)', counted({ actual: 4 }), 'on-track'],
    ['half-way, 3 of 10 (< 80% of 5)', counted({ actual: 3 }), 'at-risk'],
    ['90% through, 7 of 10 (< 80% of 9)', counted({ elapsedShare: 0.9, actual: 7 }), 'at-risk'],
    ['90% through, 8 of 10', counted({ elapsedShare: 0.9, actual: 8 }), 'on-track'],
    ['reported: milestone figure meets', { met: true, periodOver: true, elapsedShare: 1, actual: 6.8, source: 'reported', finalFigure: true }, 'achieved'],
    ['reported: milestone figure misses, year over', { met: false, periodOver: true, elapsedShare: 1, actual: 6, source: 'reported', finalFigure: true }, 'missed'],
    ['reported: earlier year meets', { met: true, periodOver: false, elapsedShare: 0.6, actual: 7, source: 'reported', finalFigure: false }, 'on-track'],
    ['reported: earlier year misses', { met: false, periodOver: false, elapsedShare: 0.6, actual: 5, source: 'reported', finalFigure: false }, 'at-risk'],
    ['reported: nothing, early', { met: false, periodOver: false, elapsedShare: 0.1, source: 'reported' }, 'on-track'],
    ['reported: nothing, later', { met: false, periodOver: false, elapsedShare: 0.5, source: 'reported' }, 'at-risk'],
    ['reported: nothing, year over', { met: false, periodOver: true, elapsedShare: 1, source: 'reported' }, 'at-risk'],
  ])('%s → %s', (_, input, expected) => {
    expect(decideStatus(input).status).toBe(expected);
  });

  it('knows what meets each comparison', () => {
    expect(requiredValue(target('trained-person-times-2025'))).toBe(151);
    expect(meets(target('trained-person-times-2025'), 150)).toBe(false);
    expect(meets(target('trained-person-times-2025'), 151)).toBe(true);
    expect(requiredValue(target('pilot-model-enterprises-2025'))).toBe(2);
    expect(meets(target('labour-productivity-growth-2030'), 7)).toBe(false);
    expect(requiredValue(target('labour-productivity-growth-2030'))).toBe(7);
    expect(meets(target('tfp-contribution-2030'), 46, 45)).toBe(true);
    expect(meets(target('tfp-contribution-2030'), 46)).toBe(false);
  });
});

describe('counting rules', () => {
  it('person-times: one person on two courses counts twice; the same course twice once', () => {
    const facts = [
      fact({ kind: 'training-completed', subjectId: 'lan', refId: 'course-5s' }),
      fact({ kind: 'training-completed', subjectId: 'lan', refId: 'course-kaizen' }),
      fact({ kind: 'training-completed', subjectId: 'lan', refId: 'course-5s' }),
      fact({ kind: 'training-completed', subjectId: 'minh', refId: 'course-5s' }),
    ];
    const p = computeProgress({ target: target('trained-person-times-2025'), plan: ninhThuan, contributions: facts, asOf: '2025-01-01' });
    expect(p.actual).toBe(3);
    expect(p.contributingEventIds).toEqual([facts[0].eventId, facts[1].eventId, facts[3].eventId]);
  });

  it('pilot models: distinct enterprises approved, completions separately, withdrawals removed', () => {
    const facts = [
      fact({ kind: 'pilot-model-approved', subjectId: 'ent-a', refId: 'reg-1' }),
      fact({ kind: 'pilot-model-approved', subjectId: 'ent-a', refId: 'reg-2' }),
      fact({ kind: 'pilot-model-approved', subjectId: 'ent-b', refId: 'reg-3' }),
      fact({ kind: 'pilot-model-completed', subjectId: 'ent-b', refId: 'reg-3', occurredAt: '2024-09-01' }),
      fact({ kind: 'pilot-model-approved', subjectId: 'ent-c', refId: 'reg-4' }),
      fact({ kind: 'pilot-model-withdrawn', subjectId: 'ent-c', refId: 'reg-4', occurredAt: '2024-10-01' }),
    ];
    const p = computeProgress({ target: target('pilot-model-enterprises-2025'), plan: ninhThuan, contributions: facts, asOf: '2025-01-01' });
    expect(p.actual).toBe(2);
    expect(p.breakdown).toEqual({ approved: 2, completed: 1 });
    expect(p.status).toBe('achieved');
    expect(p.aboveRange).toBe(false);
    expect(p.contributingEventIds).not.toContain(facts[4].eventId);
  });

  it('experts: active certifications only (expired, revoked, past validUntil left out), distinct people', () => {
    const facts = [
      fact({ kind: 'expert-certified', subjectId: 'p1', refId: 'c1' }),
      fact({ kind: 'expert-certified', subjectId: 'p1', refId: 'c2' }),
      fact({ kind: 'expert-certified', subjectId: 'p2', refId: 'c3' }),
      fact({ kind: 'expert-certification-revoked', subjectId: 'p2', refId: 'c3', occurredAt: '2026-01-01' }),
      fact({ kind: 'expert-certified', subjectId: 'p3', refId: 'c4', validUntil: '2026-12-31' }),
      fact({ kind: 'expert-certified', subjectId: 'p4', refId: 'c5' }),
      fact({ kind: 'expert-certification-expired', subjectId: 'p4', refId: 'c5', occurredAt: '2027-01-01' }),
    ];
    const early = computeProgress({ target: target('certified-experts-2030'), plan: ninhThuan, contributions: facts, asOf: '2025-06-01' });
    expect(early.actual).toBe(4);
    const later = computeProgress({ target: target('certified-experts-2030'), plan: ninhThuan, contributions: facts, asOf: '2027-06-01' });
    expect(later.actual).toBe(1);
  });

  it('awards: award decisions minus revoked ones', () => {
    const awards: Target = { id: 'a', indicator: 'awards', label: { vi: 'x', en: 'x' }, unit: 'awards', milestoneYear: 2025, comparison: 'at-least', value: 2, source: 'counted' };
    const facts = [
      fact({ kind: 'award-decided', subjectId: 'org-1', refId: 'd1' }),
      fact({ kind: 'award-decided', subjectId: 'org-2', refId: 'd2' }),
      fact({ kind: 'award-revoked', subjectId: 'org-2', refId: 'd2', occurredAt: '2024-06-01' }),
    ];
    expect(computeProgress({ target: awards, plan: ninhThuan, contributions: facts, asOf: '2025-01-01' }).actual).toBe(1);
  });

  it('other indicators: distinct subjects counted for that indicator', () => {
    const facts = [
      fact({ kind: 'indicator-counted', indicator: 'schools-5s', subjectId: 'school-1' }),
      fact({ kind: 'indicator-counted', indicator: 'schools-5s', subjectId: 'school-1' }),
      fact({ kind: 'indicator-counted', indicator: 'schools-5s', subjectId: 'school-2' }),
      fact({ kind: 'indicator-counted', indicator: 'productivity-clubs', subjectId: 'club-1' }),
      fact({ kind: 'indicator-count-withdrawn', indicator: 'schools-5s', subjectId: 'school-2', occurredAt: '2024-07-01' }),
    ];
    expect(computeProgress({ target: target('schools-5s-2025'), plan: ninhThuan, contributions: facts, asOf: '2025-01-01' }).actual).toBe(1);
    expect(computeProgress({ target: target('productivity-clubs-2025'), plan: ninhThuan, contributions: facts, asOf: '2025-01-01' }).status).toBe('achieved');
  });

  it('counts only inside the window: from the issue date to the end of the milestone year (Vietnam time), never after asOf', () => {
    const facts = [
      fact({ kind: 'training-completed', subjectId: 'a', refId: 'c', occurredAt: '2023-09-25T10:00:00Z' }), // before issue
      fact({ kind: 'training-completed', subjectId: 'b', refId: 'c', occurredAt: '2023-09-25T17:30:00Z' }), // 26/09 00:30 in Vietnam
      fact({ kind: 'training-completed', subjectId: 'c', refId: 'c', occurredAt: '2025-12-31T16:59:00Z' }), // 31/12 23:59 in Vietnam
      fact({ kind: 'training-completed', subjectId: 'd', refId: 'c', occurredAt: '2025-12-31T17:00:00Z' }), // 01/01/2026 in Vietnam
    ];
    const p = computeProgress({ target: target('trained-person-times-2025'), plan: ninhThuan, contributions: facts, asOf: '2026-02-01' });
    expect(p.window).toEqual({ from: '2023-09-26', to: '2025-12-31' });
    expect(p.actual).toBe(2);
    expect(computeProgress({ target: target('trained-person-times-2025'), plan: ninhThuan, contributions: facts, asOf: '2024-01-01' }).actual).toBe(1);
    expect(p.status).toBe('missed');
    // the 2030 target counts cumulatively, including 2024-2025
    expect(computeProgress({ target: target('trained-person-times-2030'), plan: ninhThuan, contributions: facts, asOf: '2026-02-01' }).actual).toBe(3);
  });

  it('rises as training completions arrive: at-risk → on-track → achieved', () => {
    const t = target('trained-person-times-2025');
    const at = (count: number) =>
      computeProgress({
        target: t,
        plan: ninhThuan,
        contributions: Array.from({ length: count }, (_, i) => fact({ kind: 'training-completed', subjectId: `p${i}`, refId: 'c1', occurredAt: '2024-06-01' })),
        asOf: '2024-12-31',
      });
    expect(at(10).status).toBe('at-risk');
    expect(at(10).expectedByNow).toBeCloseTo(151 * at(10).elapsedShare);
    expect(at(80).status).toBe('on-track');
    expect(at(151).status).toBe('achieved');
  });
});

describe('roll-up through the unit tree and lineage', () => {
  it('commune → province: Ngọk Bay facts count for the commune plan and roll up to Quảng Ngãi', () => {
    const facts = [
      fact({ kind: 'pilot-model-approved', subjectId: 'htx-kon-ro-long', refId: 'r1', unit: '51-NGOKBAY-KONRLONG', occurredAt: '2025-09-01' }),
      fact({ kind: 'pilot-model-approved', subjectId: 'dn-ngok-bay', refId: 'r2', unit: '51-NGOKBAY', occurredAt: '2025-10-01' }),
      fact({ kind: 'pilot-model-approved', subjectId: 'dn-dak-cam', refId: 'r3', unit: '51-DAKCAM', occurredAt: '2025-10-01' }),
      fact({ kind: 'pilot-model-approved', subjectId: 'dn-phan-rang', refId: 'r4', unit: '56-PHANRANG', occurredAt: '2025-10-01' }),
    ];
    const commune = computeProgress({ target: ngokBayTarget, plan: ngokBay, contributions: facts, asOf: '2025-12-01' });
    expect(commune.actual).toBe(2);
    expect(commune.status).toBe('achieved');
    expect(commune.byUnit).toEqual([
      { unit: '51-NGOKBAY', actual: 2, contributingEventIds: [facts[0].eventId, facts[1].eventId] },
      { unit: '51-NGOKBAY-KONRLONG', actual: 1, contributingEventIds: [facts[0].eventId] },
    ]);
    const provinceTarget = { ...ngokBayTarget, id: 'qn', min: 5, max: 10 };
    const province = computeProgress({ target: provinceTarget, plan: quangNgai, contributions: facts, asOf: '2025-12-01' });
    expect(province.actual).toBe(3);
    expect(province.byUnit.map((u) => [u.unit, u.actual])).toEqual([
      ['51', 3],
      ['51-DAKCAM', 1],
      ['51-NGOKBAY', 2],
      ['51-NGOKBAY-KONRLONG', 1],
    ]);
  });

  it('records made under historical units keep their unit and count where they roll up today', () => {
    const facts = [
      // made in Ngọk Bay while it was in thành phố Kon Tum, tỉnh Kon Tum
      fact({ kind: 'training-completed', subjectId: 'a', refId: 'c1', unit: '51-NGOKBAY', occurredAt: '2025-06-25' }),
      // made at the historical district itself
      fact({ kind: 'training-completed', subjectId: 'b', refId: 'c1', unit: '62-KONTUM-CITY', occurredAt: '2025-06-26' }),
      fact({ kind: 'training-completed', subjectId: 'c', refId: 'c1', unit: '51-NGOKBAY', occurredAt: '2025-07-05' }),
    ];
    const t: Target = { ...target('trained-person-times-2030'), id: 't' };
    const p = computeProgress({ target: t, plan: { issuingUnit: '51', countFrom: '2025-01-01' }, contributions: facts, asOf: '2026-01-01' });
    expect(p.actual).toBe(3);
    expect(Object.fromEntries(p.byUnit.map((u) => [u.unit, u.actual]))).toEqual({ '51': 3, '51-NGOKBAY': 2, '62': 2, '62-KONTUM-CITY': 2 });
  });

  it('Ninh Thuận facts count for 4009/KH-UBND; after the merger Khánh Hòa facts do not', () => {
    const facts = [
      fact({ kind: 'training-completed', subjectId: 'a', refId: 'c', unit: '58', occurredAt: '2025-03-01' }),
      fact({ kind: 'training-completed', subjectId: 'b', refId: 'c', unit: '56-PHANRANG', occurredAt: '2025-08-01' }),
      fact({ kind: 'training-completed', subjectId: 'c', refId: 'c', unit: '56', occurredAt: '2025-03-01' }),
    ];
    const p = computeProgress({ target: target('trained-person-times-2025'), plan: ninhThuan, contributions: facts, asOf: '2025-09-01' });
    expect(p.actual).toBe(1);
    expect(p.byUnit.map((u) => u.unit)).toEqual(['58']);
  });

  it('leaves out facts of unknown units, saying why', () => {
    const facts = [fact({ kind: 'training-completed', subjectId: 'a', refId: 'c', unit: '99' })];
    const p = computeProgress({ target: target('trained-person-times-2025'), plan: ninhThuan, contributions: facts, asOf: '2025-01-01' });
    expect(p.actual).toBe(0);
    expect(p.ignored).toEqual([{ eventId: facts[0].eventId, reason: 'unknown administrative unit "99"' }]);
  });
});

describe('reported statistics', () => {
  const value = (over: Partial<ReportedValue>): ReportedValue => ({
    eventId: `r${++n}`,
    indicator: 'labour-productivity-growth',
    unit: '58',
    year: 2024,
    value: 6.8,
    source: 'Cục Thống kê tỉnh Ninh Thuận',
    reportedAt: '2025-03-01',
    ...over,
  });

  it('uses the latest statistic of the milestone year, else of an earlier year', () => {
    const t = target('labour-productivity-growth-2025');
    const values = [value({ year: 2024, value: 6.8 }), value({ year: 2025, value: 6.2, reportedAt: '2026-02-01' }), value({ year: 2025, value: 6.6, reportedAt: '2026-04-01' })];
    const before = computeProgress({ target: t, plan: ninhThuan, reported: values, asOf: '2025-06-01' });
    expect([before.actual, before.status]).toEqual([6.8, 'on-track']);
    const provisional = computeProgress({ target: t, plan: ninhThuan, reported: values, asOf: '2026-03-01' });
    expect([provisional.actual, provisional.status]).toEqual([6.2, 'missed']);
    const final = computeProgress({ target: t, plan: ninhThuan, reported: values, asOf: '2026-05-01' });
    expect([final.actual, final.status, final.contributingEventIds]).toEqual([6.6, 'achieved', [values[2].eventId]]);
    expect(final.reported?.source).toBe('Cục Thống kê tỉnh Ninh Thuận');
  });

  it('compares with the national average reported alongside', () => {
    const t = target('tfp-contribution-2030');
    const ok = computeProgress({ target: t, plan: ninhThuan, reported: [value({ indicator: 'tfp-contribution', year: 2030, value: 48, nationalAverage: 46, reportedAt: '2031-03-01' })], asOf: '2031-04-01' });
    expect(ok.status).toBe('achieved');
    const unknown = computeProgress({ target: t, plan: ninhThuan, reported: [value({ indicator: 'tfp-contribution', year: 2030, value: 48, reportedAt: '2031-03-01' })], asOf: '2031-04-01' });
    expect(unknown.status).toBe('at-risk');
    expect(unknown.reason).toMatch(/national average/);
  });

  it('computes every target of a seed plan', () => {
    const all = computePlanProgress({ ...ninhThuan, targets: NINH_THUAN_4009_TARGETS }, { contributions: [], reported: [] }, '2024-01-15');
    expect(all).toHaveLength(14);
    expect(all.every((p) => p.status === 'on-track')).toBe(true); // less than a quarter of the period has passed
  });
});
