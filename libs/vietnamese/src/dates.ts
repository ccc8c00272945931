/**
 * Dates as Vietnamese documents write them (dd/mm/yyyy) and as the platform stores them.
 *
 * - A calendar date (an issue date, a deadline) is an `IsoDate` string "yyyy-mm-dd", with no time
 *   zone: 26/9/2023 is the same day wherever it is read.
 * - An instant (an event's occurredAt) is an ISO 8601 timestamp; when it is shown or assigned to a
 *   day or a year, it is read in Vietnam's time zone, Asia/Ho_Chi_Minh (UTC+7, no daylight saving):
 *   2025-06-30T18:00:00Z is 01/07/2025 in Vietnam.
 */
import { VietnameseFormatError } from './errors';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** A calendar date "yyyy-mm-dd". */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const VN_LONG_DATE = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/iu;
const EXPECTED = 'dd/mm/yyyy (e.g. 26/09/2023 or 26/9/2023) or yyyy-mm-dd (e.g. 2023-09-26)';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number, input: string): IsoDate {
  if (month < 1 || month > 12) {
    throw new VietnameseFormatError(`"${input}" has month ${month}; a month is 1 to 12 (format ${EXPECTED}).`, input, EXPECTED);
  }
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    throw new VietnameseFormatError(`"${input}" is not a date: month ${month}/${year} has ${max} days.`, input, EXPECTED);
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar date written "yyyy-mm-dd". */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Reads a calendar date written dd/mm/yyyy or d/m/yyyy (also with "." or "-" as separator),
 * "ngày 19 tháng 6 năm 2025", or ISO yyyy-mm-dd. Day first, always: 03/04/2025 is 3 April.
 * Throws VietnameseFormatError for anything else or for an impossible date (31/02/2025).
 */
export function parseDate(input: string): IsoDate {
  const text = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  let m = ISO_DATE.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), input);
  m = VN_DATE.exec(text) ?? VN_LONG_DATE.exec(text);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), input);
  throw new VietnameseFormatError(`"${input}" is not a date; write it as ${EXPECTED}.`, input, EXPECTED);
}

/** parseDate, or undefined instead of an error. */
export function tryParseDate(input: string): IsoDate | undefined {
  try {
    return parseDate(input);
  } catch {
    return undefined;
  }
}

const dayFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function vietnamParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  if (Number.isNaN(instant.getTime())) throw new VietnameseFormatError('Invalid date/time', String(instant), 'an ISO 8601 timestamp');
  const parts = Object.fromEntries(dayFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

function toInstant(value: Date | string | number): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) {
    throw new VietnameseFormatError(`"${String(value)}" is not a date/time.`, String(value), 'an ISO 8601 timestamp');
  }
  return d;
}

/** The calendar date, in Vietnam, of an instant (or the date itself for an IsoDate). */
export function toVietnamDate(value: Date | string | number): IsoDate {
  if (typeof value === 'string' && ISO_DATE.test(value)) return parseDate(value);
  const p = vietnamParts(toInstant(value));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The year, in Vietnam, of an instant or IsoDate. */
export function vietnamYear(value: Date | string | number): number {
  return Number(toVietnamDate(value).slice(0, 4));
}

/** dd/mm/yyyy, e.g. "26/09/2023"; instants are read in Asia/Ho_Chi_Minh. */
export function formatDate(value: Date | string | number): string {
  const iso = toVietnamDate(value);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** "ngày 26 tháng 9 năm 2023", as in the body of an official document. */
export function formatDateLong(value: Date | string | number): string {
  const iso = toVietnamDate(value);
  return `ngày ${Number(iso.slice(8, 10))} tháng ${Number(iso.slice(5, 7))} năm ${iso.slice(0, 4)}`;
}

/** "dd/mm/yyyy HH:mm" in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: Date | string | number): string {
  const p = vietnamParts(toInstant(value));
  return `${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant 00:00 of a calendar day in Vietnam. */
export function startOfVietnamDay(date: IsoDate): Date {
  return new Date(`${parseDate(date)}T00:00:00.000+07:00`);
}

/** The last millisecond of a calendar day in Vietnam. */
export function endOfVietnamDay(date: IsoDate): Date {
  return new Date(`${parseDate(date)}T23:59:59.999+07:00`);
}

/** The calendar date n days after (or before, n < 0) a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${parseDate(date)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Negative, zero or positive as a is before, on or after b (both IsoDate). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date a day/month falls on in a year; throws when that day does not exist that year. */
export function dayOfYear(year: number, month: number, day: number): IsoDate {
  return build(year, month, day, `${day}/${month}/${year}`);
}
