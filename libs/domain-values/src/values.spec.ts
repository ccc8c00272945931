import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import {
  optionalText,
  requireId,
  requireInstant,
  requireInteger,
  requireIsoDate,
  requireNumber,
  requireOneOf,
  requireSubsetOf,
  requireText,
  requireTextList,
  requireUnitCode,
  vietnamDate,
} from './values';
import { UNIT_CODE_PATTERN } from './identifiers';

function violation(fn: () => unknown): DomainRuleViolation {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRuleViolation);
    return error as DomainRuleViolation;
  }
  throw new Error('expected a DomainRuleViolation');
}

describe('text', () => {
  it('stores NFC, trimmed, with inner whitespace collapsed', () => {
    expect(requireText('  Ngo\u0323k   Bay\n\t', 'name')).toBe('Ngọk Bay');
    expect(requireText('Ngọk Bay', 'name')).toBe('Ngọk Bay'.normalize('NFC'));
  });

  it('refuses what is not text, empty or too long, naming the field', () => {
    expect(violation(() => requireText(42, 'title')).message).toBe('title must be text.');
    expect(violation(() => requireText('   ', 'title')).message).toBe('title must not be empty.');
    const tooLong = violation(() => requireText('abcdef', 'title', 5));
    expect(tooLong.message).toBe('title must be at most 5 characters.');
    expect(tooLong.code).toBe('invalid-value');
    expect(requireText('x'.repeat(500), 'title')).toHaveLength(500);
    expect(() => requireText('x'.repeat(501), 'title')).toThrow('at most 500');
  });

  it('optional text: missing or blank is undefined, otherwise checked like text (2000 by default)', () => {
    expect(optionalText(undefined, 'note')).toBeUndefined();
    expect(optionalText(null, 'note')).toBeUndefined();
    expect(optionalText('  ', 'note')).toBeUndefined();
    expect(optionalText(' a  b ', 'note')).toBe('a b');
    expect(optionalText('x'.repeat(2000), 'note')).toHaveLength(2000);
    expect(() => optionalText('x'.repeat(2001), 'note')).toThrow('at most 2000');
    expect(() => optionalText(7, 'note')).toThrow('note must be text.');
  });

  it('text lists: each item checked and named by index, duplicates dropped, a minimum count', () => {
    expect(requireTextList([' a ', 'b', 'a'], 'tags')).toEqual(['a', 'b']);
    expect(() => requireTextList('a', 'tags')).toThrow('tags must be a list.');
    expect(() => requireTextList(['a', ''], 'tags')).toThrow('tags[1] must not be empty.');
    expect(() => requireTextList([], 'tags', { min: 1 })).toThrow('tags must have at least 1 item.');
    expect(() => requireTextList(['a'], 'tags', { min: 2 })).toThrow('tags must have at least 2 items.');
    expect(() => requireTextList(['abcd'], 'tags', { maxLength: 3 })).toThrow('tags[0] must be at most 3 characters.');
  });
});

describe('ids and unit codes', () => {
  it('ids: 1–64 letters, digits, _ or -', () => {
    expect(requireId('course_2025-01', 'courseId')).toBe('course_2025-01');
    expect(requireId('x'.repeat(64), 'id')).toHaveLength(64);
    for (const bad of ['', 'a:b', 'a b', 'x'.repeat(65), 'đ', 12, undefined]) {
      const error = violation(() => requireId(bad, 'courseId'));
      expect(error.code).toBe('invalid-id');
      expect(error.message).toContain('courseId must be 1–64 letters');
    }
  });

  it('unit codes: the one shape requests are checked against too, trimmed', () => {
    expect(requireUnitCode(' 51-NGOKBAY ')).toBe('51-NGOKBAY');
    // One definition (identifiers.ts): what a request may not carry, a decider does not accept either.
    expect(violation(() => requireUnitCode('51.1', 'unit')).code).toBe('invalid-unit-code');
    expect(UNIT_CODE_PATTERN.test('51.1')).toBe(false);
    expect(violation(() => requireUnitCode('51 NGOK')).code).toBe('invalid-unit-code');
    expect(() => requireUnitCode(51, 'issuingUnit')).toThrow('issuingUnit must be the official code');
    expect(() => requireUnitCode('x'.repeat(33))).toThrow('unitCode must be the official code');
  });
});

describe('dates', () => {
  it('calendar dates: YYYY-MM-DD that exist', () => {
    expect(requireIsoDate('2024-02-29', 'startDate')).toBe('2024-02-29');
    expect(requireIsoDate('2000-02-29', 'startDate')).toBe('2000-02-29');
    expect(requireIsoDate('0100-01-01', 'startDate')).toBe('0100-01-01');
    for (const bad of ['2025-02-29', '1900-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-1', '01/02/2025', ' 2025-01-01', 20250101, undefined]) {
      const error = violation(() => requireIsoDate(bad, 'startDate'));
      expect(error.code).toBe('invalid-date');
      expect(error.message).toBe(`startDate must be a calendar date YYYY-MM-DD (got ${JSON.stringify(bad)}).`);
    }
  });

  it('calendar dates: years before 100 are refused', () => {
    for (const bad of ['0000-01-01', '0025-06-15', '0099-12-31']) expect(() => requireIsoDate(bad, 'd')).toThrow('d must be a calendar date');
  });

  it('instants need a time zone and come back in UTC', () => {
    expect(requireInstant('2025-08-01T09:00:00+07:00')).toBe('2025-08-01T02:00:00.000Z');
    expect(requireInstant('2025-08-01T09:00Z', 'at')).toBe('2025-08-01T09:00:00.000Z');
    expect(requireInstant('2025-08-01T09:00:00.123456789Z')).toBe('2025-08-01T09:00:00.123Z');
    for (const bad of ['2025-08-01T09:00:00', '2025-08-01', '2025-08-01T25:00:00Z', 'tomorrow', 0]) {
      const error = violation(() => requireInstant(bad));
      expect(error.code).toBe('invalid-date');
      expect(error.message).toContain('now must be an ISO 8601 date-time with a time zone');
    }
  });

  it('the Vietnam date of an instant is read at UTC+7', () => {
    expect(vietnamDate('2025-06-30T16:59:59.999Z')).toBe('2025-06-30');
    expect(vietnamDate('2025-06-30T17:00:00.000Z')).toBe('2025-07-01');
    expect(vietnamDate('2025-07-01T00:30:00+07:00')).toBe('2025-07-01');
    expect(vietnamDate('1970-01-01T16:30:00Z')).toBe('1970-01-01');
  });
});

describe('choices', () => {
  const modes = ['online', 'in-person'] as const;

  it('one of a known set', () => {
    expect(requireOneOf('online', modes, 'mode')).toBe('online');
    const error = violation(() => requireOneOf('hybrid', modes, 'mode'));
    expect(error.code).toBe('unknown-value');
    expect(error.message).toBe('mode "hybrid" is not known; expected one of: online, in-person.');
  });

  it('a subset: items named by index, duplicates dropped, at least one by default', () => {
    expect(requireSubsetOf(['online', 'online', 'in-person'], modes, 'modes')).toEqual(['online', 'in-person']);
    expect(requireSubsetOf([], modes, 'modes', 0)).toEqual([]);
    expect(() => requireSubsetOf('online', modes, 'modes')).toThrow('modes must be a list.');
    expect(() => requireSubsetOf(['online', 'x'], modes, 'modes')).toThrow('modes[1] "x" is not known');
    expect(() => requireSubsetOf([], modes, 'modes')).toThrow('modes must have at least 1 of: online, in-person.');
  });
});

describe('numbers', () => {
  it('whole numbers within a range', () => {
    expect(requireInteger(3, 'seats', 1, 10)).toBe(3);
    expect(requireInteger(1_000_000, 'seats', 0)).toBe(1_000_000);
    expect(violation(() => requireInteger(0, 'seats', 1)).message).toBe('seats must be a whole number at least 1 (got 0).');
    expect(violation(() => requireInteger(11, 'seats', 1, 10)).message).toBe('seats must be a whole number between 1 and 10 (got 11).');
    expect(violation(() => requireInteger(1.5, 'seats', 1, 10)).code).toBe('invalid-number');
    expect(() => requireInteger('3', 'seats', 1, 10)).toThrow('(got "3")');
  });

  it('numbers within a range', () => {
    expect(requireNumber(2.5, 'hours', 0, 24)).toBe(2.5);
    expect(requireNumber(0, 'hours', 0, 24)).toBe(0);
    expect(violation(() => requireNumber(24.5, 'hours', 0, 24)).message).toBe('hours must be a number between 0 and 24 (got 24.5).');
    expect(() => requireNumber(Number.NaN, 'hours', 0, 24)).toThrow('hours must be a number between 0 and 24');
    expect(() => requireNumber(Number.POSITIVE_INFINITY, 'hours', 0, 1e308)).toThrow('hours must be a number');
  });
});
