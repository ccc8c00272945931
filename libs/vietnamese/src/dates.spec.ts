import {
  addDays,
  dayOfYear,
  endOfVietnamDay,
  formatDate,
  formatDateLong,
  formatDateTime,
  isIsoDate,
  parseDate,
  startOfVietnamDay,
  toVietnamDate,
  tryParseDate,
  vietnamYear,
} from './dates';
import { VietnameseFormatError } from './errors';

describe('Vietnamese dates', () => {
  it.each([
    ['26/09/2023', '2023-09-26'],
    ['26/9/2023', '2023-09-26'],
    ['1/7/2025', '2025-07-01'],
    ['01/07/2025', '2025-07-01'],
    ['10.11.2025', '2025-11-10'],
    ['2023-09-26', '2023-09-26'],
    [' 19/6/2025 ', '2025-06-19'],
    ['ngày 19 tháng 6 năm 2025', '2025-06-19'],
    ['29/02/2024', '2024-02-29'],
  ])('parses %s as %s', (input, iso) => {
    expect(parseDate(input)).toBe(iso);
  });

  it('reads day first: 03/04/2025 is 3 April', () => {
    expect(parseDate('03/04/2025')).toBe('2025-04-03');
  });

  it.each(['31/02/2025', '29/02/2025', '13/13/2025', '2025-02-30', '26-09-23', 'hôm qua', '', '2023/09/26'])(
    'refuses %s with a clear message',
    (input) => {
      expect(() => parseDate(input)).toThrow(VietnameseFormatError);
      expect(tryParseDate(input)).toBeUndefined();
    },
  );

  it('explains the expected format', () => {
    expect(() => parseDate('hôm qua')).toThrow(/dd\/mm\/yyyy/);
    expect(() => parseDate('31/02/2025')).toThrow(/has 28 days/);
  });

  it('formats dates dd/mm/yyyy in Asia/Ho_Chi_Minh', () => {
    expect(formatDate('2023-09-26')).toBe('26/09/2023');
    // 18:00 UTC on 30 June is 01:00 on 1 July in Vietnam (UTC+7)
    expect(formatDate('2025-06-30T18:00:00Z')).toBe('01/07/2025');
    expect(formatDate(new Date('2025-06-30T16:59:59Z'))).toBe('30/06/2025');
    expect(formatDateTime('2025-06-30T18:05:00Z')).toBe('01/07/2025 01:05');
    expect(formatDateLong('2025-06-19')).toBe('ngày 19 tháng 6 năm 2025');
  });

  it('assigns instants to Vietnamese calendar days and years', () => {
    expect(toVietnamDate('2025-12-31T17:30:00Z')).toBe('2026-01-01');
    expect(vietnamYear('2025-12-31T17:30:00Z')).toBe(2026);
    expect(vietnamYear('2025-12-31')).toBe(2025);
    expect(startOfVietnamDay('2025-07-01').toISOString()).toBe('2025-06-30T17:00:00.000Z');
    expect(endOfVietnamDay('2025-06-30').toISOString()).toBe('2025-06-30T16:59:59.999Z');
  });

  it('does day arithmetic on calendar dates', () => {
    expect(addDays('2025-06-30', 1)).toBe('2025-07-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(dayOfYear(2025, 11, 10)).toBe('2025-11-10');
    expect(() => dayOfYear(2025, 2, 29)).toThrow(VietnameseFormatError);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
