import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../../auth/claims';
import { registrationActions } from './actions';

const who = (...roles: Role[]): Principal => ({ username: 'u', name: 'U', roles, unit: '51-NGOKBAY' });

describe('registration actions follow role and status', () => {
  it('a commune officer reviews, then approves or rejects', () => {
    expect(registrationActions('submitted', who('commune-officer'))).toEqual(['review', 'withdraw']);
    expect(registrationActions('under-review', who('commune-officer'))).toEqual(['approve', 'reject', 'withdraw']);
  });
  it('an enterprise never approves its own registration', () => {
    expect(registrationActions('under-review', who('enterprise'))).toEqual(['withdraw']);
    expect(registrationActions('approved', who('enterprise'))).toEqual(['start', 'withdraw']);
  });
  it('a village officer or an auditor is offered nothing', () => {
    expect(registrationActions('submitted', who('village-officer'))).toEqual([]);
    expect(registrationActions('under-review', who('auditor'))).toEqual([]);
  });
  it('finished registrations offer nothing', () => {
    for (const s of ['completed', 'rejected', 'withdrawn']) expect(registrationActions(s, who('province-admin', 'enterprise'))).toEqual([]);
  });
});
