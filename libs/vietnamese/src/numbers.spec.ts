import { VietnameseFormatError } from './errors';
import { formatNumber, formatPercent, formatRange, parseNumber, parsePercent, tryParseNumber } from './numbers';

describe('Vietnamese numbers', () => {
  it.each([
    [1234567.5, '1.234.567,5'],
    [1234, '1.234'],
    [6.5, '6,5'],
    [7, '7'],
    [0, '0'],
    [-1234.25, '-1.234,25'],
    [0.125, '0,13'],
    [1000000, '1.000.000'],
  ])('formats %p as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('formats with options', () => {
    expect(formatNumber(5, { minimumIntegerDigits: 2 })).toBe('05');
    expect(formatNumber(6.5, { minimumFractionDigits: 2 })).toBe('6,50');
    expect(formatNumber(2 / 3, { maximumFractionDigits: 3 })).toBe('0,667');
    expect(formatNumber(-0.001)).toBe('0');
  });

  it.each([
    ['1.234.567,5', 1234567.5],
    ['1.234', 1234],
    ['6.500', 6500],
    ['6,5', 6.5],
    ['6.5', 6.5],
    ['1,234', 1.234],
    ['0.125', 0.125],
    ['12.50', 12.5],
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['1234', 1234],
    ['1 234 567', 1234567],
    ['1,234.5', 1234.5],
    ['-6,5', -6.5],
    ['+7', 7],
    ['05', 5],
    ['1.234.567', 1234567],
  ])('parses %s as %p', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '1,2,3', '1.23.4', '1.2345.678', '6,5%', ',5', '5.', '1.234,5,6', '12.34.567'])('refuses %p', (text) => {
    expect(() => parseNumber(text)).toThrow(VietnameseFormatError);
    expect(tryParseNumber(text)).toBeUndefined();
  });

  it('says why a number is refused', () => {
    expect(() => parseNumber('1,2,3')).toThrow(/more than one decimal comma/);
    expect(() => parseNumber('1.23.4')).toThrow(/groups of exactly three digits/);
  });

  it('formats and parses percentages', () => {
    expect(formatPercent(6.5)).toBe('6,5%');
    expect(formatPercent(0.445, { ratio: true })).toBe('44,5%');
    expect(parsePercent('6,5%')).toBe(6.5);
    expect(parsePercent('6.5 %')).toBe(6.5);
    expect(parsePercent('44')).toBe(44);
    expect(() => parsePercent('nhiều%')).toThrow(/percentage/);
  });

  it('formats ranges as documents write them', () => {
    expect(formatRange(6.5, 7, '%/năm')).toBe('6,5–7%/năm');
    expect(formatRange(2, 5, '', 2)).toBe('02–05');
  });
});
