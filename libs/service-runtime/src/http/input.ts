import { DomainError, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { formatDate, IsoDate, parseDate } from '@nangsuat/vietnamese';

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

// Instants as people give them are a domain value (the audit domain reads them too).
export { INSTANT_FORMS, parseInstantInput } from '@nangsuat/domain-values';

export function optionalDateInput(value: string | undefined, field: string): IsoDate | undefined {
  return value === undefined || value === '' ? undefined : parseDateInput(value, field);
}

/** The code of an administrative unit the platform knows (libs/administrative-units). */
export function requireKnownUnit(code: string, field = 'unitCode'): string {
  const trimmed = code.trim();
  if (!administrativeUnits.has(trimmed)) {
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
  return administrativeUnits.subtree(requireKnownUnit(code, field));
}

/** { iso, display } for a calendar date in responses. */
export function dateOut(iso: string | undefined): { iso: string; display: string } | undefined {
  return iso ? { iso, display: formatDate(iso) } : undefined;
}

/** Escapes a user's text for a literal RegExp. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
