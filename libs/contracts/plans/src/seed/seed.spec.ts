import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { fold } from '@nangsuat/event-sourcing';
import { formatRange } from '@nangsuat/vietnamese';
import { PlanEvent, PlanState, planDecider, Target } from '../plan/plan';
import { NGOK_BAY_COMMUNE, NINH_THUAN_4009, QUANG_NGAI_138, seedCommands, seedPlans, PlanSeed } from './index';

function load(seed: PlanSeed): { events: PlanEvent[]; state: PlanState } {
  const events: PlanEvent[] = [];
  for (const command of seedCommands(seed)) events.push(...planDecider.decide(command, fold(planDecider, events)));
  return { events, state: fold(planDecider, events) };
}

/** "> 150", "02–05", "above national average" — as DOMAIN.md's table writes a target. */
function describeTarget(t: Target): string {
  switch (t.comparison) {
    case 'more-than':
      return `> ${t.value}`;
    case 'at-least':
      return `≥ ${t.value}`;
    case 'range':
      return formatRange(t.min!, t.max!, '', t.unit.startsWith('%') ? 1 : 2);
    case 'above-national-average':
      return 'above national average';
  }
}

describe('seed plans', () => {
  it.each(seedPlans.map((s) => [s.planId, s]))('%s passes the plan decider', (_, seed) => {
    const { events, state } = load(seed as PlanSeed);
    expect(events.map((e) => e.type)).toEqual((seed as PlanSeed).issue ? ['PlanDrafted', 'PlanIssued'] : ['PlanDrafted']);
    expect(state.status).toBe((seed as PlanSeed).issue ? 'issued' : 'draft');
  });

  it('4009/KH-UBND: number, date, signer, unit, horizon, reporting 10/11', () => {
    const { state } = load(NINH_THUAN_4009);
    expect(state.content).toMatchObject({
      documentNumber: '4009/KH-UBND',
      issueDate: '2023-09-26',
      signer: { name: 'Lê Huyền' },
      issuingUnit: '58',
      horizonYears: [2025, 2030],
      reporting: { annualDeadline: { day: 10, month: 11 }, midTermReviewYear: 2025, finalReviewYear: 2030 },
    });
    expect(state.content!.generalObjectives).toHaveLength(3);
    expect(state.content!.tasks.map((t) => t.section)).toEqual(['1', '2', '2.1', '2.2', '2.3', '3', '4', '5']);
    expect(state.content!.tasks.every((t) => t.lead === 'Sở Khoa học và Công nghệ')).toBe(true);
  });

  it('4009/KH-UBND: targets match the table of DOMAIN.md', () => {
    const table = Object.fromEntries(NINH_THUAN_4009.content.targets!.map((t) => [`${t.indicator}@${t.milestoneYear}`, `${describeTarget(t)} ${t.unit}`]));
    expect(table).toEqual({
      'labour-productivity-growth@2025': '6,5–7 %/year',
      'labour-productivity-growth@2030': '> 7 %/year',
      'tfp-contribution@2025': '44–45 %',
      'tfp-contribution@2030': 'above national average %',
      'pilot-model-enterprises@2025': '02–05 enterprises',
      'pilot-model-enterprises@2030': '05–10 enterprises',
      'trained-person-times@2025': '> 150 person-times',
      'trained-person-times@2030': '> 500 person-times',
      'certified-experts@2030': '05–10 experts',
      'productivity-clubs@2025': '≥ 1 clubs',
      'st-tasks@2025': '≥ 4 tasks',
      'hospitals-advanced-tools@2025': '≥ 7 facilities',
      'schools-5s@2025': '≥ 10 schools',
      'green-productivity-enterprises@2025': '≥ 5 enterprises',
    });
  });

  it('138/KH-UBND: number, date and issuer as the commune plan cites them', () => {
    const { state } = load(QUANG_NGAI_138);
    expect(state.content).toMatchObject({ documentNumber: '138/KH-UBND', issueDate: '2025-06-19', issuingUnit: '51', horizonYears: [2030] });
    expect(QUANG_NGAI_138.missing).toContain('targets');
  });

  it('Ngọk Bay: implements 138/KH-UBND, 01–02 enterprises with pilot models by 2030, Phòng Văn hóa – Xã hội leads', () => {
    const { state } = load(NGOK_BAY_COMMUNE);
    expect(state.content).toMatchObject({ implementsPlan: '138/KH-UBND', issuingUnit: '51-NGOKBAY', horizonYears: [2030] });
    expect(state.content!.targets).toEqual([expect.objectContaining({ indicator: 'pilot-model-enterprises', comparison: 'range', min: 1, max: 2, milestoneYear: 2030 })]);
    expect(state.content!.tasks.map((t) => t.section)).toEqual(['1', '2', '2.1', '2.2', '2.3', '3', '4']);
    expect(new Set(state.content!.tasks.map((t) => t.lead))).toEqual(new Set(['Phòng Văn hóa – Xã hội xã']));
    expect(state.content!.references!.map((r) => [r.documentNumber, r.issueDate, r.relation])).toEqual([
      ['138/KH-UBND', '2025-06-19', 'implements'],
      ['336/SKHCN-TĐC', '2025-07-22', 'guidance'],
      ['74/PC-VHXH', '2025-07-30', 'proposal'],
    ]);
    expect(state.content!.funding.map((f) => f.kind)).toEqual(['state-budget', 'other-lawful']);
    expect(NGOK_BAY_COMMUNE.missing).toEqual(expect.arrayContaining(['document number', 'issue date']));
  });

  it('the commune plan can be issued once its number and date are known', () => {
    const { events } = load(NGOK_BAY_COMMUNE);
    const issued = planDecider.decide({ type: 'IssuePlan', planId: NGOK_BAY_COMMUNE.planId, documentNumber: '1/KH-UBND', issueDate: '05/08/2025' }, fold(planDecider, events));
    expect(issued[0].type).toBe('PlanIssued');
  });

  // The quotes are verbatim: check them against the seed texts when they are present (../shared/seeds).
  const seedsDir = join(__dirname, '../../../../../../shared/seeds');
  const maybe = existsSync(seedsDir) ? it : it.skip;
  maybe('every quoted target and every general objective occurs in its seed text', () => {
    for (const seed of seedPlans) {
      const text = readFileSync(join(seedsDir, seed.source), 'utf8').normalize('NFC');
      for (const t of seed.content.targets ?? []) if (t.quote) expect({ id: t.id, found: text.includes(t.quote) }).toEqual({ id: t.id, found: true });
      for (const o of seed.content.generalObjectives ?? []) expect({ o, found: text.includes(o) }).toEqual({ o, found: true });
    }
  });
});
