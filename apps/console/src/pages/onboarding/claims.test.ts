import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../../auth/claims';
import { claimActions, isNewcomer } from './claims';

const who = (roles: Role[], enterpriseId?: string): Principal => ({ username: 'u', name: 'U', roles, unit: '51-NGOKBAY', enterpriseId });

describe('who may decide an enterprise claim', () => {
  it('officers of the unit confirm or refuse a waiting claim and revoke a confirmed link', () => {
    expect(claimActions({ status: 'submitted' }, who(['commune-officer']))).toEqual(['confirm', 'refuse']);
    expect(claimActions({ status: 'confirmed' }, who(['department-officer']))).toEqual(['revoke']);
    expect(claimActions({ status: 'refused' }, who(['province-admin']))).toEqual([]);
    expect(claimActions({ status: 'submitted' }, who(['village-officer']))).toEqual([]);
  });
  it("a person acting for the enterprise vouches for a colleague's claim, not another enterprise's, and revokes nothing", () => {
    expect(claimActions({ status: 'submitted', enterpriseAccountId: 'MST-6101234567' }, who(['enterprise'], 'MST-6101234567'))).toEqual(['confirm', 'refuse']);
    expect(claimActions({ status: 'submitted', enterpriseAccountId: 'DN-51-0001' }, who(['enterprise'], 'MST-6101234567'))).toEqual([]);
    expect(claimActions({ status: 'submitted' }, who(['enterprise'], 'MST-6101234567'))).toEqual([]);
    expect(claimActions({ status: 'confirmed', enterpriseAccountId: 'MST-6101234567' }, who(['enterprise'], 'MST-6101234567'))).toEqual([]);
  });
  it('a newcomer has no role and no enterprise', () => {
    expect(isNewcomer(who([]))).toBe(true);
    expect(isNewcomer(who([], 'MST-6101234567'))).toBe(false);
    expect(isNewcomer(who(['auditor']))).toBe(false);
  });
});
