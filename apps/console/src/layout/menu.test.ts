import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../auth/claims';
import { homePathFor, menuFor } from './menu';

const who = (...roles: Role[]): Principal => ({ username: 'u', name: 'U', roles, unit: '51-NGOKBAY' });
const keys = (p: Principal) => menuFor(p).map((e) => e.key);

describe('menus follow the token', () => {
  it('officers get their home, plans and registrations to review', () => {
    expect(keys(who('commune-officer'))).toEqual(['home', 'plans', 'registrations', 'enterprises', 'reporting', 'programmes', 'achievements', 'indicators', 'courses', 'certifications', 'nominations', 'enterprise-claims', 'inbox']);
    expect(keys(who('village-officer'))).toEqual(['home', 'plans', 'registrations', 'enterprises', 'reporting', 'programmes', 'achievements', 'indicators', 'inbox']);
  });
  it('an enterprise gets its own work and the plans, not the review queue', () => {
    expect(keys(who('enterprise'))).toEqual(['enterprise', 'enterprise-claims', 'plans', 'inbox']);
    expect(keys(who('enterprise'))).not.toContain('registrations');
  });
  it('trainer, assessor, council and auditor each land on their work', () => {
    expect(homePathFor(who('trainer'))).toBe('/courses');
    expect(homePathFor(who('expert-assessor'))).toBe('/certifications');
    expect(homePathFor(who('award-council'))).toBe('/nominations');
    expect(homePathFor(who('auditor'))).toBe('/audit');
  });
  it('an auditor gets the audit history and the sealed reports', () => expect(keys(who('auditor'))).toEqual(['audit', 'audit-reports', 'achievements', 'indicators', 'backfill', 'plans', 'inbox']));
  it('a person who signed up themselves (no role, no enterprise) lands on claiming an enterprise', () => {
    expect(keys(who())).toEqual(['claim', 'plans', 'inbox']);
    expect(homePathFor(who())).toBe('/claim');
    expect(keys({ ...who(), enterpriseId: 'MST-6101234567' })).not.toContain('claim');
  });
  it('nobody signed in gets no menu', () => expect(menuFor(undefined)).toEqual([]));
});
