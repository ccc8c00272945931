import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, Forbidden } from '@nangsuat/event-sourcing';
import { AccessMode, AccessPolicy, RecordScope } from './access-policy';
import { Role } from './roles';
import { StaticUnitHierarchy } from './unit-hierarchy';

// The rules table: every role × read/write × a record in the actor's own unit, a sub-unit, another
// unit, a parent unit, a historical (merged) unit, and enterprise records (own / other).
const actors: Record<string, Actor> = {
  'province-admin@56': { id: 'u1', username: 'kh.admin', unit: '56', roles: [Role.ProvinceAdmin] },
  'province-admin@51': { id: 'u2', username: 'qn.admin', unit: '51', roles: [Role.ProvinceAdmin] },
  'department-officer@56': { id: 'u3', username: 'kh.department', unit: '56', roles: [Role.DepartmentOfficer] },
  'commune-officer@51-NGOKBAY': { id: 'u4', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: [Role.CommuneOfficer] },
  'village-officer@51-NGOKBAY-KONRLONG': { id: 'u5', username: 'konrlong.officer', unit: '51-NGOKBAY-KONRLONG', roles: [Role.VillageOfficer] },
  'trainer@51': { id: 'u6', username: 'qn.trainer', unit: '51', roles: [Role.Trainer] },
  'expert-assessor@56': { id: 'u7', username: 'kh.assessor', unit: '56', roles: [Role.ExpertAssessor] },
  'award-council@51': { id: 'u8', username: 'qn.council', unit: '51', roles: [Role.AwardCouncil] },
  'enterprise DN-51-0001@51-NGOKBAY': { id: 'u9', username: 'ent.ngokbay', unit: '51-NGOKBAY', roles: [Role.Enterprise], enterpriseId: 'DN-51-0001' },
  'auditor@VN': { id: 'u10', username: 'auditor.vn', unit: 'VN', roles: [Role.Auditor] },
  'service@VN': { id: 'u11', username: 'service-account-nangsuat-plans', unit: 'VN', roles: [Role.Service] },
};

const records: Record<string, RecordScope> = {
  VN: { unit: 'VN' },
  P56: { unit: '56' },
  P58_historical: { unit: '58' },
  PHANRANG: { unit: '56-PHANRANG' },
  P51: { unit: '51' },
  P62_historical: { unit: '62' },
  NGOKBAY: { unit: '51-NGOKBAY' },
  KONRLONG: { unit: '51-NGOKBAY-KONRLONG' },
  DAKCAM: { unit: '51-DAKCAM' },
  ENT_DN51_NGOKBAY: { unit: '51-NGOKBAY', enterpriseId: 'DN-51-0001' },
  ENT_DN56_PHANRANG: { unit: '56-PHANRANG', enterpriseId: 'DN-56-0001' },
};

const KH = 'P56 P58_historical PHANRANG ENT_DN56_PHANRANG';
const QN = 'P51 P62_historical NGOKBAY KONRLONG DAKCAM ENT_DN51_NGOKBAY';
const ALL = Object.keys(records).join(' ');
// What each actor may read and write; everything not listed is denied.
const allowed: Record<string, { read: string; write: string }> = {
  'province-admin@56': { read: KH, write: KH },
  'province-admin@51': { read: QN, write: QN },
  'department-officer@56': { read: KH, write: KH },
  'commune-officer@51-NGOKBAY': { read: 'NGOKBAY KONRLONG ENT_DN51_NGOKBAY', write: 'NGOKBAY KONRLONG ENT_DN51_NGOKBAY' },
  'village-officer@51-NGOKBAY-KONRLONG': { read: 'KONRLONG', write: 'KONRLONG' },
  'trainer@51': { read: QN, write: QN },
  'expert-assessor@56': { read: KH, write: KH },
  'award-council@51': { read: QN, write: QN },
  'enterprise DN-51-0001@51-NGOKBAY': { read: 'ENT_DN51_NGOKBAY', write: 'ENT_DN51_NGOKBAY' },
  'auditor@VN': { read: ALL, write: '' },
  'service@VN': { read: ALL, write: '' },
};

const cases: [string, AccessMode, string, boolean][] = [];
for (const actor of Object.keys(actors)) {
  for (const mode of ['read', 'write'] as const) {
    const ok = new Set(allowed[actor][mode].split(' ').filter(Boolean));
    for (const record of Object.keys(records)) cases.push([actor, mode, record, ok.has(record)]);
  }
}

describe.each([
  ['the unit tree of libs/administrative-units (default)', administrativeUnits],
  ['the static seed table of libs/auth', new StaticUnitHierarchy()],
])('AccessPolicy rules table with %s', (_name, hierarchy) => {
  const policy = new AccessPolicy(hierarchy);

  it('covers every role of the realm', () => {
    const roles = new Set(Object.values(actors).flatMap((a) => a.roles ?? []));
    expect([...roles].sort()).toEqual(Object.values(Role).sort());
  });

  it.each(cases)('%s %s %s → allowed %s', (actorKey, mode, recordKey, expected) => {
    const actor = actors[actorKey];
    const record = records[recordKey];
    expect(policy.decide(actor, record, mode).allowed).toBe(expected);
    const assertion = () => policy.assertCanAccessRecord(actor, record, mode);
    if (expected) expect(assertion).not.toThrow();
    else expect(assertion).toThrow(Forbidden);
  });
});

describe('AccessPolicy assertions', () => {
  const policy = new AccessPolicy();
  const ngokbay = { id: 'u4', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: [Role.CommuneOfficer] };

  it('refuses a Ngọk Bay commune officer writing to Đăk Cấm with a Forbidden naming both units', () => {
    expect(policy.canWrite(ngokbay, '51-DAKCAM')).toBe(false);
    try {
      policy.assertCanWrite(ngokbay, '51-DAKCAM');
      throw new Error('expected Forbidden');
    } catch (e) {
      expect(e).toBeInstanceOf(Forbidden);
      expect((e as Forbidden).code).toBe('forbidden');
      expect((e as Forbidden).message).toMatch(/51-DAKCAM.*51-NGOKBAY/);
      expect((e as Forbidden).details).toEqual({ unit: '51-DAKCAM', mode: 'write' });
    }
  });

  it('lets the same officer read and write in the commune and its village', () => {
    expect(() => policy.assertCanRead(ngokbay, '51-NGOKBAY')).not.toThrow();
    expect(() => policy.assertCanWrite(ngokbay, '51-NGOKBAY-KONRLONG')).not.toThrow();
    expect(() => policy.assertCanRead(ngokbay, '51')).toThrow(Forbidden);
  });

  it('tells auditors they are read-only', () => {
    const auditor = { id: 'a', username: 'auditor.vn', unit: 'VN', roles: [Role.Auditor] };
    expect(() => policy.assertCanRead(auditor, '51-DAKCAM')).not.toThrow();
    expect(() => policy.assertCanWrite(auditor, 'VN')).toThrow(/Auditors are read-only/);
  });

  it('keeps an auditor read-only even if the account also holds an officer role', () => {
    const both = { id: 'a', username: 'x', unit: '51', roles: [Role.Auditor, Role.ProvinceAdmin] };
    expect(policy.canWrite(both, '51')).toBe(false);
    expect(policy.canRead(both, '56')).toBe(true);
  });

  it('gives the union of roles otherwise (enterprise user who is also a trainer)', () => {
    const both = { id: 'e', username: 'x', unit: '51-NGOKBAY', roles: [Role.Enterprise, Role.Trainer], enterpriseId: 'DN-51-0001' };
    expect(policy.canWrite(both, '51-NGOKBAY')).toBe(true);
    expect(policy.decide(both, { unit: '56-PHANRANG', enterpriseId: 'DN-51-0001' }, 'write').allowed).toBe(true);
    expect(policy.decide(both, { unit: '56-PHANRANG', enterpriseId: 'DN-56-0001' }, 'write').allowed).toBe(false);
  });

  it('assertOwnEnterprise: only the enterprise\'s own users', () => {
    const ent = { id: 'e', username: 'ent.ngokbay', unit: '51-NGOKBAY', roles: [Role.Enterprise], enterpriseId: 'DN-51-0001' };
    expect(() => policy.assertOwnEnterprise(ent, 'DN-51-0001')).not.toThrow();
    expect(() => policy.assertOwnEnterprise(ent, 'DN-56-0001')).toThrow(/another enterprise/);
    expect(() => policy.assertOwnEnterprise(ngokbay, 'DN-51-0001')).toThrow(Forbidden);
    expect(() => policy.assertOwnEnterprise({ ...ent, enterpriseId: undefined }, 'DN-51-0001')).toThrow(Forbidden);
  });

  it('denies actors without a platform role, without a unit, or facing an unknown unit', () => {
    expect(policy.canRead({ id: 'x', username: 'x', unit: '51', roles: ['offline_access'] }, '51')).toBe(false);
    expect(policy.canRead({ id: 'x', username: 'x', unit: '', roles: [Role.ProvinceAdmin] }, '51')).toBe(false);
    expect(policy.canRead({ id: 'x', username: 'x', unit: '51', roles: [Role.ProvinceAdmin] }, '51-UNKNOWN')).toBe(false);
    expect(policy.canRead({ id: 'x', username: 'x', unit: '51', roles: [Role.ProvinceAdmin] }, '')).toBe(false);
  });

  it('uses the injected UnitHierarchy', () => {
    const everything = new AccessPolicy({ isWithin: () => true });
    expect(everything.canWrite(ngokbay, '56')).toBe(true);
  });
});

describe('StaticUnitHierarchy', () => {
  const tree = new StaticUnitHierarchy();
  it.each([
    ['51-NGOKBAY-KONRLONG', '51-NGOKBAY', true],
    ['51-NGOKBAY-KONRLONG', '51', true],
    ['51-NGOKBAY-KONRLONG', 'VN', true],
    ['51-NGOKBAY', '51-NGOKBAY', true],
    ['51-DAKCAM', '51-NGOKBAY', false],
    ['51-NGOKBAY', '51-NGOKBAY-KONRLONG', false],
    ['58', '56', true], // Ninh Thuận merged into Khánh Hòa
    ['62', '51', true], // Kon Tum merged into Quảng Ngãi
    ['56', '58', false],
    ['62', '56', false],
    ['56-PHANRANG', '51', false],
    ['XX', 'VN', false],
  ])('%s within %s → %s', (unit, ancestor, expected) => {
    expect(tree.isWithin(unit, ancestor)).toBe(expected);
  });

  it('survives a cycle in a bad table', () => {
    const bad = new StaticUnitHierarchy([{ code: 'A', name: 'a', parent: 'B' }, { code: 'B', name: 'b', parent: 'A' }]);
    expect(bad.isWithin('A', 'C')).toBe(false);
  });
});
