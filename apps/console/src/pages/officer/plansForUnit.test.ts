import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../lib/types';
import { plansForUnit } from './OfficerHome';

const plan = (planId: string, issuingUnit: string, status = 'issued'): PlanSummary => ({
  planId, issuingUnit, status, documentNumber: null, title: planId, issueDate: null, horizonYears: [2030], implementsPlan: null, targets: 1, version: 1, updatedAt: '', updatedBy: '',
});

describe('plans in force for a unit', () => {
  it('keeps its own plans (drafts too) and the issued plans of the province above', () => {
    const got = plansForUnit([plan('ngok-bay', '51-NGOKBAY', 'draft')], { '51': [plan('qn-138', '51'), plan('dak-cam', '51-DAKCAM'), plan('qn-draft', '51', 'draft')] });
    expect(got.map((p) => p.planId)).toEqual(['ngok-bay', 'qn-138']);
  });
  it('keeps a plan of a merged unit the API returns for the unit (Ninh Thuận 58 in Khánh Hòa 56)', () => {
    expect(plansForUnit([plan('ninh-thuan-4009', '58')], {}).map((p) => p.planId)).toEqual(['ninh-thuan-4009']);
  });
  it('keeps an amended plan above (still in force)', () => expect(plansForUnit([], { '51': [plan('qn-138', '51', 'amended')] }).map((p) => p.planId)).toEqual(['qn-138']));
  it('leaves out closed plans', () => expect(plansForUnit([plan('old', '56', 'closed')], {})).toEqual([]));
});
