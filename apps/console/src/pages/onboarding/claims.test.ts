import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../../auth/claims';
import { claimActions, isNewcomer } from './claims';

const claimant = { userId: 'u-other', username: 'colleague' };
const who = (roles: Role[], enterpriseId?: string): Principal => ({ username: 'u', name: 'U', roles, unit: '51-NGOKBAY', enterpriseId });

describe('who may decide an enterprise claim', () => {
  it('officers of the unit confirm or refuse a waiting claim and revoke a confirmed link', () => {
    expect(claimActions({ status: 'submitted', claimant }, who(['commune-officer']))).toEqual(['confirm', 'refuse']);
    expect(claimActions({ status: 'confirmed', claimant }, who(['department-officer']))).toEqual(['revoke']);
    expect(claimActions({ status: 'refused', claimant }, who(['province-admin']))).toEqual([]);
    expect(claimActions({ status: 'submitted', claimant }, who(['village-officer']))).toEqual([]);
  });
  it("a person acting for the enterprise vouches for a colleague's claim, not another enterprise's", () => {
    expect(claimActions({ status: 'submitted', claimant, enterpriseAccountId: 'MST-6101234567' }, who(['enterprise'], 'MST-6101234567'))).toEqual(['confirm', 'refuse']);
    expect(claimActions({ status: 'submitted', claimant, enterpriseAccountId: 'DN-51-0001' }, who(['enterprise'], 'MST-6101234567'))).toEqual([]);
    expect(claimActions({ status: 'submitted', claimant }, who(['enterprise'], 'MST-6101234567'))).toEqual([]);
  });
  it("a person acting for the enterprise revokes a colleague's link, not their own and not another enterprise's", () => {
    const confirmed = { status: 'confirmed' as const, claimant, accountId: 'MST-6101234567' };
    expect(claimActions(confirmed, who(['enterprise'], 'MST-6101234567'))).toEqual(['revoke']);
    expect(claimActions({ ...confirmed, claimant: { userId: 'u-self', username: 'u' } }, who(['enterprise'], 'MST-6101234567'))).toEqual([]);
    expect(claimActions(confirmed, who(['enterprise'], 'DN-51-0001'))).toEqual([]);
    expect(claimActions({ ...confirmed, status: 'revoked' }, who(['enterprise'], 'MST-6101234567'))).toEqual([]);
  });
  it('a newcomer has no role and no enterprise', () => {
    expect(isNewcomer(who([]))).toBe(true);
    expect(isNewcomer(who([], 'MST-6101234567'))).toBe(false);
    expect(isNewcomer(who(['auditor']))).toBe(false);
  });
});
