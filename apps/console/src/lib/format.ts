/**
 * How the console shows dates and numbers: as Vietnamese readers write them (dd/mm/yyyy in
 * Asia/Ho_Chi_Minh, 1.234,5), and how it reads what people type (both dd/mm/yyyy and ISO).
 */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/** dd/mm/yyyy in Vietnam's time zone. A bare ISO day (2025-06-19) is shown as that day, whatever the zone. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateParts.format(date);
}

/** dd/mm/yyyy hh:mm in Vietnam's time zone. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${dateParts.format(date)} ${timeParts.format(date)}`;
}

/** Formats a date picker shows (the first) and accepts when typed: dd/mm/yyyy, d/m/yyyy or ISO. */
export const DATE_INPUT_FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'];

/** Today in Vietnam as an ISO day. */
export function todayInVietnam(now: Date = new Date()): string {
  const [d, m, y] = dateParts.format(now).split('/');
  return `${y}-${m}-${d}`;
}

/** Numbers with '.' for thousands and ',' for decimals (vi-VN) or the English form. */
export function formatNumber(value: number | null | undefined, lang: string = 'vi', maximumFractionDigits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits }).format(value);
}

/** Reads a number as people type it: 1.234,5 (Vietnamese) or 1,234.5 / 1234.5 (English). */
export function parseNumber(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return undefined;
  let normalized: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^-?\d+,\d+$/.test(s)) normalized = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normalized = s.replace(/,/g, '');
  else if (/^-?\d+(\.\d+)?$/.test(s)) normalized = s;
  else return undefined;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

/** Folds Vietnamese text for matching: no diacritics, đ → d, lower case (as the APIs search). */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** True when every word of the query appears in the text, ignoring diacritics and case. */
export function matchesIgnoringDiacritics(text: string, query: string): boolean {
  const haystack = foldDiacritics(text);
  return foldDiacritics(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
