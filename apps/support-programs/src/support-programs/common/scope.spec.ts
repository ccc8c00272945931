import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { readScope, requireCurrentUnit, requireKnownUnit, unitSubtree } from './scope';

describe('scope of lists and units of new records', () => {
  it('auditors and service accounts see everything', () => {
    expect(readScope({ id: 'a', username: 'auditor.vn', unit: 'VN', roles: ['auditor'] }, ['unitCode'], 'accountId')).toBeNull();
    expect(readScope({ id: 's', username: 'svc', unit: 'VN', roles: ['service'] }, ['unitCode'])).toBeNull();
  });

  it('officers see their unit subtree, through every unit field (history of merged units included)', () => {
    const filter = readScope({ id: 'o', username: 'qn.admin', unit: '51', roles: ['province-admin'] }, ['unitCode', 'programmeUnitCode']);
    expect(filter).toEqual({ $or: [{ unitCode: { $in: expect.arrayContaining(['51', '51-NGOKBAY', '62']) } }, { programmeUnitCode: { $in: expect.arrayContaining(['51']) } }] });
  });

  it('enterprise users see their own account only; no role: nothing', () => {
    expect(readScope({ id: 'e', username: 'ent.ngokbay', unit: '51-NGOKBAY', roles: ['enterprise'], enterpriseId: 'DN-51-0001' }, ['unitCode'], 'accountId')).toEqual({ accountId: 'DN-51-0001' });
    expect(readScope({ id: 'x', username: 'x', unit: '51', roles: ['offline_access'] }, ['unitCode'], 'accountId')).toEqual({ _id: { $in: [] } });
  });

  it('a new record belongs to a known unit in force today; the abolished Ninh Thuận (58) names its successor', () => {
    expect(requireCurrentUnit('51-NGOKBAY')).toBe('51-NGOKBAY');
    expect(() => requireCurrentUnit('99-NOWHERE')).toThrow(/not a known administrative unit code/);
    expect(() => requireCurrentUnit('58')).toThrow(DomainRuleViolation);
    expect(() => requireCurrentUnit('58')).toThrow(/no longer exists; its records continue under 56/);
  });

  it('filters by a known unit and its subtree; an unknown filter unit is refused', () => {
    expect(unitSubtree('51-NGOKBAY')).toEqual(expect.arrayContaining(['51-NGOKBAY', '51-NGOKBAY-KONRLONG']));
    expect(unitSubtree('51-NGOKBAY')).not.toContain('51-DAKCAM');
    expect(() => requireKnownUnit('ZZ')).toThrow(/not a known administrative unit code/);
  });
});
