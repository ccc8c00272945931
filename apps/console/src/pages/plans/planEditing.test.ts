import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../../auth/claims';
import type { PlanTarget } from '../../lib/types';
import { amendmentChoices, mayEditPlan, targetChanges, targetFromForm } from './planEditing';

const who = (unit: string, ...roles: Role[]): Principal => ({ username: 'u', name: 'U', roles, unit });
const target: PlanTarget = { id: 'pilot-model-enterprises-2030', indicator: 'pilot-model-enterprises', label: { vi: 'Doanh nghiệp', en: 'Enterprises' }, unit: 'enterprises', milestoneYear: 2030, comparison: 'range', min: 1, max: 2, source: 'counted' };

describe('plan editing', () => {
  it('a commune officer edits its own plans; a village officer or another commune does not', () => {
    expect(mayEditPlan(who('51-NGOKBAY', 'commune-officer'), '51-NGOKBAY')).toBe(true);
    expect(mayEditPlan(who('51-NGOKBAY-KONRLONG', 'village-officer'), '51-NGOKBAY-KONRLONG')).toBe(false);
    expect(mayEditPlan(who('51-DAKCAM', 'commune-officer'), '51-NGOKBAY')).toBe(false);
  });
  it('the province of a merged unit edits its plans (58 merged into 56)', () => {
    expect(mayEditPlan(who('56', 'province-admin'), '58', ['58'])).toBe(true);
    expect(mayEditPlan(who('56', 'province-admin'), '58')).toBe(false);
  });
  it('builds a target from the form with both labels and an id from indicator and year', () => {
    expect(targetFromForm({ labelVi: ' Doanh nghiệp ', labelEn: 'Enterprises', indicator: 'pilot-model-enterprises', unit: 'enterprises', milestoneYear: 2030, comparison: 'range', min: 1, max: 2, source: 'counted' })).toEqual(target);
  });
  it('names each changed number of an amendment, before and after', () => {
    expect(targetChanges([target], [{ ...target, min: 2, max: 3 }])).toEqual([
      { targetId: target.id, label: 'Doanh nghiệp', field: 'min', before: 1, after: 2 },
      { targetId: target.id, label: 'Doanh nghiệp', field: 'max', before: 2, after: 3 },
    ]);
    expect(targetChanges([target], [target])).toEqual([]);
  });
});

describe("an amendment's document is attached to a version chosen", () => {
  it('offers the versions amendments made, newest first, with their date and reason; never the issued one', () => {
    const versions = [
      { version: 1, effectiveDate: '2024-10-22' },
      { version: 2, effectiveDate: '2025-03-15', reason: 'Bổ sung chỉ tiêu chuyên gia' },
      { version: 3, effectiveDate: '2025-09-01' },
    ];
    expect(amendmentChoices(versions, 'Phiên bản')).toEqual([
      { version: 3, label: 'Phiên bản 3 — 01/09/2025' },
      { version: 2, label: 'Phiên bản 2 — 15/03/2025 — Bổ sung chỉ tiêu chuyên gia' },
    ]);
    expect(amendmentChoices(versions.slice(0, 1), 'Phiên bản')).toEqual([]);
  });
});
