import { DomainError } from '@nangsuat/event-sourcing';
import { endOfVietnamDay, IsoDate, startOfVietnamDay, toVietnamDate, tryParseDate } from '@nangsuat/vietnamese';

/** The forms every `asOf`, `from` and `to` of every service accepts. */
export const INSTANT_FORMS = 'a date (dd/mm/yyyy or yyyy-mm-dd, read in Vietnam time) or an ISO 8601 timestamp with its zone (2025-07-01T08:00:00+07:00)';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A point in time as people give it, the same on every service: a calendar date means the end of
 * that Vietnam day (or its start, for the start of a period), a timestamp means itself. Returns the
 * instant in UTC (the form recordedAt and occurredAt are stored in) and its Vietnam day; 400 naming
 * the field otherwise.
 */
export function parseInstantInput(value: string, field: string, edge: 'end' | 'start' = 'end'): { instant: string; date: IsoDate } {
  const text = String(value).trim().slice(0, 100);
  const day = tryParseDate(text);
  if (day) return { instant: (edge === 'end' ? endOfVietnamDay(day) : startOfVietnamDay(day)).toISOString(), date: day };
  const time = TIMESTAMP.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) throw new DomainError(`${field} "${text.slice(0, 40)}" is neither ${INSTANT_FORMS}.`, 'invalid-date', { field });
  return { instant: new Date(time).toISOString(), date: toVietnamDate(time) };
}
