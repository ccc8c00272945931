import { administrativeUnits } from '@nangsuat/administrative-units';
import { platformRoles, Role, UNIT_SCOPED_ROLES } from '@nangsuat/auth';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { toVietnamDate } from '@nangsuat/vietnamese';

/**
 * A unit code a new record may belong to: known in the administrative-unit tree and in force today.
 * A unit abolished by the 2025 reform (e.g. 58 Ninh Thuận) is refused with its successor named.
 */
export function requireCurrentUnit(code: string, field = 'unitCode'): string {
  const unit = administrativeUnits.find(code);
  if (!unit) {
    throw new DomainRuleViolation(`${field} ${JSON.stringify(code)} is not a known administrative unit code (for example 51, 51-NGOKBAY, 56, 56-PHANRANG).`, 'unknown-unit', {
      field,
    });
  }
  const today = toVietnamDate(new Date());
  if (!administrativeUnits.isValidAt(code, today)) {
    const successor = administrativeUnits.successorOf(code, today);
    throw new DomainRuleViolation(
      `${field} ${code} (${unit.name}) no longer exists${successor ? `; its records continue under ${successor}` : ''}. Use a unit in force today.`,
      'unit-not-in-force',
      { field, ...(successor ? { successor } : {}) },
    );
  }
  return code;
}

/** A unit filter value (?unit=51): must be a known code; the filter covers the unit and its whole subtree (history included). */
export function requireKnownUnit(code: string, field = 'unit'): string {
  if (!administrativeUnits.has(code)) {
    throw new DomainRuleViolation(`${field} ${JSON.stringify(code)} is not a known administrative unit code.`, 'unknown-unit', { field });
  }
  return code;
}

/** The unit and every unit within it (through the 2025 lineage too); an unknown code is only itself. */
export function unitSubtree(code: string): string[] {
  return administrativeUnits.has(code) ? administrativeUnits.subtree(code) : [code];
}

/**
 * The part of a list query an actor may see, as a filter (null: no restriction):
 * auditors and service accounts everything; unit-scoped roles the records whose unit fields lie in
 * their subtree; enterprise users the records of their own account. Several roles: the union.
 */
export function readScope(actor: Actor, unitFields: readonly string[], accountField?: string): Record<string, unknown> | null {
  const roles = platformRoles(actor.roles);
  if (roles.includes(Role.Auditor) || roles.includes(Role.Service)) return null;
  const any: Record<string, unknown>[] = [];
  if (roles.some((r) => UNIT_SCOPED_ROLES.includes(r))) {
    const units = unitSubtree(actor.unit);
    for (const field of unitFields) any.push({ [field]: { $in: units } });
  }
  if (accountField && roles.includes(Role.Enterprise) && actor.enterpriseId) any.push({ [accountField]: actor.enterpriseId });
  if (any.length === 0) return { _id: { $in: [] } };
  return any.length === 1 ? any[0] : { $or: any };
}

/** Holds the enterprise role (and acts for an enterprise account). */
export const isEnterpriseUser = (actor: Actor): boolean => platformRoles(actor.roles).includes(Role.Enterprise);
export const isUnitOfficer = (actor: Actor): boolean => platformRoles(actor.roles).some((r) => UNIT_SCOPED_ROLES.includes(r));
