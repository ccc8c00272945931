import { Conflict, DomainRuleViolation, NotFound, fold } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { EnterpriseRegistered } from './events';
import { RegisterEnterprise, enterpriseDecider, enterpriseSnapshot } from './enterprise';
import { parseTaxCode, taxCodeCheckDigit } from './tax-code';

const spec = deciderSpec(enterpriseDecider);
const NOW = '2025-03-10T09:00:00+07:00';
const NOW_UTC = '2025-03-10T02:00:00.000Z';

const register: RegisterEnterprise = {
  type: 'RegisterEnterprise',
  enterpriseId: 'mst-4500123455',
  taxCode: '4500123455',
  name: 'Hợp tác xã Nho Thái An',
  unitCode: '58',
  sector: 'Nông nghiệp — trồng nho',
  size: 'small',
  group: 'cooperative',
  now: NOW,
};

const registered: EnterpriseRegistered = {
  type: 'EnterpriseRegistered',
  schemaVersion: 1,
  data: {
    enterpriseId: 'mst-4500123455',
    taxCode: '4500123455',
    name: 'Hợp tác xã Nho Thái An',
    unitCode: '58',
    sector: 'Nông nghiệp — trồng nho',
    size: 'small',
    group: 'cooperative',
    registeredAt: NOW_UTC,
  },
};

describe('tax code (mã số thuế)', () => {
  it.each(['0100107518', '0300588569', '0101248141', '0100109106', '0100233488', '4500123455'])('accepts the valid code %s', (code) => {
    expect(parseTaxCode(code)).toEqual({ value: code, base: code, branch: undefined, provinceCode: code.slice(0, 2) });
  });

  it('accepts a branch code and the usual separators', () => {
    expect(parseTaxCode('0314409058-002').value).toBe('0314409058-002');
    expect(parseTaxCode('0314409058002').value).toBe('0314409058-002');
    expect(parseTaxCode(' 0314 409 058 - 002 ').value).toBe('0314409058-002');
    expect(parseTaxCode('01.00.233.488').value).toBe('0100233488');
  });

  it('computes the check digit with weights 31 29 23 19 17 13 7 5 3', () => {
    expect(taxCodeCheckDigit('010010751')).toBe(8);
    expect(taxCodeCheckDigit('450012347')).toBe(0); // Σ mod 11 = 0 → accepted as 0 (see tax-code.ts)
    expect(taxCodeCheckDigit('450000009')).toBe(0); // Σ mod 11 = 10 → 0
  });

  it.each([
    ['0100233480', /check digit \(10th digit\) should be 8/],
    ['010023348', /expected 10 digits/],
    ['01002334881', /expected 10 digits/],
    ['0100233488-01', /expected 10 digits/],
    ['0100233488-000', /branch suffix must be 001–999/],
    ['0100000000', /sequence number\) cannot all be 0/],
    ['079203001234', /expected 10 digits/], // 12-digit personal code (citizen id) is not an enterprise code
    ['01OO233488', /expected 10 digits/],
  ])('refuses %s', (code, message) => {
    expect(() => parseTaxCode(code)).toThrow(DomainRuleViolation);
    expect(() => parseTaxCode(code)).toThrow(message);
  });
});

describe('Enterprise', () => {
  it('registers an enterprise with a valid tax code', () => {
    spec.given([]).when(register).then([registered]);
  });

  it('registers a branch under its own id', () => {
    const [event] = spec.given([]).when({ ...register, taxCode: '4500123455-001', enterpriseId: 'mst-4500123455-001' }).events();
    expect((event as EnterpriseRegistered).data.taxCode).toBe('4500123455-001');
  });

  it('refuses a malformed tax code', () => {
    spec.given([]).when({ ...register, taxCode: '4500123456' }).thenThrows(DomainRuleViolation, /not a valid Vietnamese enterprise tax code: the check digit/);
    spec.given([]).when({ ...register, taxCode: '45-00123455' }).thenThrows(DomainRuleViolation, /expected 10 digits/);
  });

  it('refuses an id that is not derived from the tax code', () => {
    spec.given([]).when({ ...register, enterpriseId: 'ent-1' }).thenThrows(DomainRuleViolation, /enterpriseId must be mst-4500123455/);
  });

  it('refuses a second registration of the same tax code', () => {
    spec.given([registered]).when(register).thenThrows(Conflict, /tax code 4500123455 is already registered/);
  });

  it.each([
    ['an unknown size', { size: 'huge' }, /size "huge" is not known; expected one of: micro, small, medium, large/],
    ['an unknown group', { group: 'bank' }, /group "bank" is not known/],
    ['an empty sector', { sector: '' }, /sector must not be empty/],
    ['an empty name', { name: '' }, /name must not be empty/],
    ['a bad unit code', { unitCode: 'tỉnh Ninh Thuận' }, /unitCode must be the official code/],
  ])('refuses %s', (_label, patch, message) => {
    spec
      .given([])
      .when({ ...register, ...(patch as Partial<RegisterEnterprise>) })
      .thenThrows(DomainRuleViolation, message);
  });

  it('updates the profile, recording the changed fields and the resulting unit', () => {
    spec
      .given([registered])
      .when({ type: 'UpdateEnterpriseProfile', changes: { size: 'medium', unitCode: '58', name: 'Hợp tác xã Nho Thái An' }, now: NOW })
      .then([{ type: 'EnterpriseProfileUpdated', schemaVersion: 1, data: { enterpriseId: 'mst-4500123455', unitCode: '58', changes: { size: 'medium' }, updatedAt: NOW_UTC } }]);
  });

  it('writes nothing when nothing changes', () => {
    spec.given([registered]).when({ type: 'UpdateEnterpriseProfile', changes: { size: 'small' }, now: NOW }).then([]);
  });

  it('refuses to change the tax code', () => {
    spec
      .given([registered])
      .when({ type: 'UpdateEnterpriseProfile', changes: { taxCode: '0100233488' } as never, now: NOW })
      .thenThrows(DomainRuleViolation, /tax code of an enterprise cannot be changed/);
  });

  it('refuses to update an enterprise that is not registered', () => {
    spec.given([]).when({ type: 'UpdateEnterpriseProfile', changes: { size: 'small' }, now: NOW }).thenThrows(NotFound, /not registered/);
  });

  it('exposes a snapshot for registrations', () => {
    expect(enterpriseSnapshot(fold(enterpriseDecider, [registered]))).toEqual({
      enterpriseId: 'mst-4500123455',
      taxCode: '4500123455',
      name: 'Hợp tác xã Nho Thái An',
      unitCode: '58',
      group: 'cooperative',
    });
    expect(() => enterpriseSnapshot(enterpriseDecider.initialState())).toThrow(NotFound);
  });
});

describe('enterprise account (the enterprise_id of its users in the identity provider)', () => {
  it('records the account with the registration and keeps it in the state and snapshot', () => {
    const events = spec.given([]).when({ ...register, accountId: 'DN-58-0001' }).events();
    expect(events).toEqual([{ ...registered, data: { ...registered.data, accountId: 'DN-58-0001' } }]);
    const state = fold(enterpriseDecider, events);
    expect(state.accountId).toBe('DN-58-0001');
    expect(enterpriseSnapshot(state).accountId).toBe('DN-58-0001');
  });

  it('an enterprise registered without account has none (older events read the same)', () => {
    expect(fold(enterpriseDecider, [registered]).accountId).toBeUndefined();
    expect(enterpriseSnapshot(fold(enterpriseDecider, [registered]))).not.toHaveProperty('accountId');
  });

  it('refuses an account id that cannot be one, and any change of the account later', () => {
    spec.given([]).when({ ...register, accountId: 'DN 58/1' }).thenThrows(DomainRuleViolation, /accountId/);
    spec
      .given([registered])
      .when({ type: 'UpdateEnterpriseProfile', changes: { accountId: 'DN-58-0002' } as never, now: NOW })
      .thenThrows(DomainRuleViolation, /account of an enterprise .* cannot be changed/);
  });
});
