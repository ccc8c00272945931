import { describe, expect, it } from 'vitest';
import type { Principal, Role } from '../../auth/claims';
import { periodActions } from './ReportingPage';

const who = (unit: string, ...roles: Role[]): Principal => ({ username: 'u', name: 'U', roles, unit });

describe('reporting period actions', () => {
  it('the unit itself submits an open or returned report', () => {
    expect(periodActions({ status: 'open', unit: '51-NGOKBAY' }, who('51-NGOKBAY', 'commune-officer'))).toEqual(['submit']);
    expect(periodActions({ status: 'returned', unit: '51-NGOKBAY-KONRLONG' }, who('51-NGOKBAY-KONRLONG', 'village-officer'))).toEqual(['submit']);
  });
  it('the province above approves or returns a submitted report; the unit itself does not', () => {
    expect(periodActions({ status: 'submitted', unit: '51-NGOKBAY' }, who('51', 'province-admin'))).toEqual(['approve', 'return']);
    expect(periodActions({ status: 'submitted', unit: '51-NGOKBAY' }, who('51-NGOKBAY', 'commune-officer'))).toEqual([]);
  });
  it('another province sees nothing to do', () => expect(periodActions({ status: 'submitted', unit: '51-NGOKBAY' }, who('56', 'province-admin'))).toEqual([]));
});
