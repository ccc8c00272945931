import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { cleanText, isIsoDate } from '@nangsuat/vietnamese';
import { ID_PATTERN, UNIT_CODE_PATTERN } from './identifiers';

/**
 * Value checks for the deciders of every bounded context. Pure: no clock, no I/O. Every failure is a
 * DomainRuleViolation (422) whose message names the field and says what is expected. Text and
 * calendar dates are read with `@nangsuat/vietnamese`; a context keeps its own rules in its
 * `domain/values.ts`, which re-exports these.
 */

/** ISO 8601 instant with an explicit offset or 'Z' — a command's `now` must not be ambiguous. */
const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Vietnam has used UTC+07:00 all year since 1975; calendar dates in documents are Vietnam dates. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function requireText(value: unknown, field: string, maxLength = 500): string {
  if (typeof value !== 'string') throw new DomainRuleViolation(`${field} must be text.`, 'invalid-value', { field });
  const text = cleanText(value);
  if (text.length === 0) throw new DomainRuleViolation(`${field} must not be empty.`, 'invalid-value', { field });
  if (text.length > maxLength) {
    throw new DomainRuleViolation(`${field} must be at most ${maxLength} characters.`, 'invalid-value', { field, maxLength });
  }
  return text;
}

export function optionalText(value: unknown, field: string, maxLength = 2000): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return requireText(value, field, maxLength);
}

export function requireTextList(value: unknown, field: string, options: { min?: number; maxLength?: number } = {}): string[] {
  if (!Array.isArray(value)) throw new DomainRuleViolation(`${field} must be a list.`, 'invalid-value', { field });
  const items = value.map((item, i) => requireText(item, `${field}[${i}]`, options.maxLength ?? 500));
  const min = options.min ?? 0;
  if (items.length < min) {
    throw new DomainRuleViolation(`${field} must have at least ${min} item${min === 1 ? '' : 's'}.`, 'invalid-value', { field, min });
  }
  return [...new Set(items)];
}

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new DomainRuleViolation(
      `${field} must be 1–64 letters, digits, '_' or '-' (got ${JSON.stringify(value)}).`,
      'invalid-id',
      { field },
    );
  }
  return value;
}

export function requireUnitCode(value: unknown, field = 'unitCode'): string {
  if (typeof value !== 'string' || !UNIT_CODE_PATTERN.test(value.trim())) {
    throw new DomainRuleViolation(
      `${field} must be the official code of an administrative unit (got ${JSON.stringify(value)}).`,
      'invalid-unit-code',
      { field },
    );
  }
  return value.trim();
}

/**
 * Years before 100 are refused: no record of these contexts is dated then, and a two-digit year
 * ("0025-01-01") is a typing mistake (the contexts' own check always refused them).
 */
const MIN_YEAR = 100;

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30) in year 100 or later. */
export function requireIsoDate(value: unknown, field: string): string {
  if (isIsoDate(value) && Number(value.slice(0, 4)) >= MIN_YEAR) return value;
  throw new DomainRuleViolation(`${field} must be a calendar date YYYY-MM-DD (got ${JSON.stringify(value)}).`, 'invalid-date', { field });
}

/** An ISO 8601 instant; returned normalised to UTC (`toISOString`). */
export function requireInstant(value: unknown, field = 'now'): string {
  if (typeof value === 'string' && ISO_INSTANT_PATTERN.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw new DomainRuleViolation(
    `${field} must be an ISO 8601 date-time with a time zone, e.g. 2025-08-01T09:00:00+07:00 (got ${JSON.stringify(value)}).`,
    'invalid-date',
    { field },
  );
}

/**
 * The calendar date in Vietnam (UTC+7) of an instant. A fixed offset, on purpose: `toVietnamDate`
 * of `@nangsuat/vietnamese` reads the time-zone database, which gives other offsets before 1975.
 */
export function vietnamDate(instant: string): string {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new DomainRuleViolation(
    `${field} ${JSON.stringify(value)} is not known; expected one of: ${allowed.join(', ')}.`,
    'unknown-value',
    { field, allowed },
  );
}

export function requireSubsetOf<T extends string>(value: unknown, allowed: readonly T[], field: string, min = 1): T[] {
  if (!Array.isArray(value)) throw new DomainRuleViolation(`${field} must be a list.`, 'invalid-value', { field });
  const items = [...new Set(value.map((item, i) => requireOneOf(item, allowed, `${field}[${i}]`)))];
  if (items.length < min) {
    throw new DomainRuleViolation(`${field} must have at least ${min} of: ${allowed.join(', ')}.`, 'invalid-value', { field, min });
  }
  return items;
}

export function requireInteger(value: unknown, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
    throw new DomainRuleViolation(`${field} must be a whole number ${range} (got ${JSON.stringify(value)}).`, 'invalid-number', {
      field,
      min,
      max,
    });
  }
  return value;
}

export function requireNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new DomainRuleViolation(`${field} must be a number between ${min} and ${max} (got ${JSON.stringify(value)}).`, 'invalid-number', {
      field,
      min,
      max,
    });
  }
  return value;
}
