import { describe, expect, it } from 'vitest';
import { principal } from '../../test-utils';
import { achievementActions, type AchievementRow } from './actions';

const row = (over: Partial<AchievementRow> = {}): AchievementRow => ({ achievementId: 'a1', status: 'recorded', unitCode: '51-NGOKBAY-KONRLONG', recordedBy: 'konrlong.officer', recordedByUnit: '51-NGOKBAY-KONRLONG', ...over });

describe('achievementActions', () => {
  it('offers the commune verification of its village’s achievement', () => {
    expect(achievementActions(row(), principal(['commune-officer']))).toEqual(['verify', 'refuse', 'withdraw']);
  });
  it('never offers verification to the person who recorded it, nor to the unit itself', () => {
    expect(achievementActions(row(), principal(['village-officer'], '51-NGOKBAY-KONRLONG', 'konrlong.officer'))).toEqual(['withdraw']);
    expect(achievementActions(row({ unitCode: '51-NGOKBAY', recordedBy: 'x' }), principal(['commune-officer']))).toEqual(['withdraw']);
  });
  it('lets a province office verify what its departments recorded for the province’s own organisations', () => {
    expect(achievementActions(row({ unitCode: '51', recordedBy: 'qn.department' }), principal(['province-admin'], '51', 'qn.admin'))).toContain('verify');
  });
  it('offers nothing on a refused or withdrawn one, nor to an enterprise or an auditor', () => {
    expect(achievementActions(row({ status: 'refused' }), principal(['commune-officer']))).toEqual([]);
    expect(achievementActions(row(), principal(['enterprise']))).toEqual([]);
    expect(achievementActions(row(), principal(['auditor'], 'VN', 'auditor.vn'))).toEqual([]);
  });
});
