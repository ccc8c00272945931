import { describe, expect, it } from 'vitest';
import { foldDiacritics, formatDate, formatDateTime, formatNumber, matchesIgnoringDiacritics, parseNumber, todayInVietnam } from './format';

describe('dates as Vietnamese readers write them', () => {
  it('shows an ISO day as dd/mm/yyyy', () => expect(formatDate('2023-09-26')).toBe('26/09/2023'));
  it('shows an instant in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatDate('2025-06-18T17:30:00Z')).toBe('19/06/2025');
    expect(formatDateTime('2025-06-18T17:30:00Z')).toBe('19/06/2025 00:30');
  });
  it('shows a dash for nothing', () => expect(formatDate(null)).toBe('—'));
  it('takes today in Vietnam, not in UTC', () => expect(todayInVietnam(new Date('2025-12-31T18:00:00Z'))).toBe('2026-01-01'));
});

describe('numbers', () => {
  it('formats 1234.5 as 1.234,5 in Vietnamese and 1,234.5 in English', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
  it('reads both ways people type them', () => {
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('6,5')).toBe(6.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('150')).toBe(150);
    expect(parseNumber('abc')).toBeUndefined();
  });
});

describe('search ignoring diacritics', () => {
  it('folds đ to d and drops tones', () => expect(foldDiacritics('Đăk Cấm Ngọk Bay')).toBe('dak cam ngok bay'));
  it('matches every word of the query', () => {
    expect(matchesIgnoringDiacritics('Kế hoạch nâng cao năng suất tỉnh Ninh Thuận', 'nang suat ninh thuan')).toBe(true);
    expect(matchesIgnoringDiacritics('Kế hoạch tỉnh Quảng Ngãi', 'ninh thuan')).toBe(false);
  });
});
