import { DomainError, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { dateOut, escapeRegex, optionalDateInput, parseDateInput, requireKnownUnit, unitSubtree } from './input';

describe('HTTP input helpers', () => {
  it('reads dates as people write them, naming the field when it cannot', () => {
    expect(parseDateInput('26/9/2023', 'issueDate')).toBe('2023-09-26');
    expect(parseDateInput('2023-09-26', 'issueDate')).toBe('2023-09-26');
    expect(() => parseDateInput('31/02/2025', 'issueDate')).toThrow(DomainError);
    expect(() => parseDateInput('2025-13-01', 'issueDate')).not.toThrow(DomainRuleViolation); // malformed input: 400, not 422
    expect(() => parseDateInput('hôm qua', 'issueDate')).toThrow(/^issueDate: /);
    expect(optionalDateInput(undefined, 'from')).toBeUndefined();
    expect(optionalDateInput('', 'from')).toBeUndefined();
    expect(optionalDateInput('1/7/2025', 'from')).toBe('2025-07-01');
  });

  it('knows the units of the platform and their subtrees', () => {
    expect(requireKnownUnit(' 51 ')).toBe('51');
    expect(() => requireKnownUnit('ZZ', 'unit')).toThrow('unit "ZZ" is not a known administrative unit code');
    expect(unitSubtree('51-NGOKBAY')).toEqual(expect.arrayContaining(['51-NGOKBAY', '51-NGOKBAY-KONRLONG']));
    expect(() => unitSubtree('ZZ')).toThrow(DomainRuleViolation);
  });

  it('shows dates both ways and escapes text for a literal RegExp', () => {
    expect(dateOut('2023-09-26')).toEqual({ iso: '2023-09-26', display: '26/09/2023' });
    expect(dateOut(undefined)).toBeUndefined();
    expect(new RegExp(escapeRegex('a.b*(c)')).test('a.b*(c)')).toBe(true);
    expect(new RegExp(escapeRegex('a.b')).test('axb')).toBe(false);
  });
});
