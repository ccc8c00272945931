import { DomainError, DomainRuleViolation } from '@nangsuat/event-store';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { endOfVietnamDay, formatDate, IsoDate, parseDate, startOfVietnamDay, toVietnamDate, tryParseDate } from '@nangsuat/vietnamese';

/**
 * Input helpers of the HTTP layer: dates as people write them, unit codes that exist. A date that is
 * not one is malformed input (400, like CalendarDate in a DTO); an unknown unit is a DomainRuleViolation
 * (422). Every message names the field — checked before anything is appended.
 */

/** A calendar date written dd/mm/yyyy (26/9/2023) or yyyy-mm-dd → yyyy-mm-dd; 400 naming the field otherwise. */
export function parseDateInput(value: string, field: string): IsoDate {
  try {
    return parseDate(String(value).slice(0, 100));
  } catch (error) {
    throw new DomainError(`${field}: ${(error as Error).message}`, 'invalid-date', { field });
  }
}

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

export function optionalDateInput(value: string | undefined, field: string): IsoDate | undefined {
  return value === undefined || value === '' ? undefined : parseDateInput(value, field);
}

/** The code of an administrative unit the platform knows (libs/administrative-units). */
export function requireKnownUnit(code: string, field = 'unitCode'): string {
  const trimmed = code.trim();
  if (!seedUnitTree.has(trimmed)) {
    throw new DomainRuleViolation(
      `${field} "${code}" is not a known administrative unit code; use an official code such as "51", "56" or "51-NGOKBAY".`,
      'unknown-unit',
      { field, unitCode: code },
    );
  }
  return trimmed;
}

/** The unit and every unit within it (historical units included through lineage). */
export function unitSubtree(code: string, field = 'unit'): string[] {
  return seedUnitTree.subtree(requireKnownUnit(code, field));
}

/** { iso, display } for a calendar date in responses. */
export function dateOut(iso: string | undefined): { iso: string; display: string } | undefined {
  return iso ? { iso, display: formatDate(iso) } : undefined;
}

/** Escapes a user's text for a literal RegExp. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
