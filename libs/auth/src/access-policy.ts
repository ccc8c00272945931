import { Inject, Injectable, Optional } from '@nestjs/common';
import { Actor, Forbidden } from '@nangsuat/event-sourcing';
import { isReadOnly, platformRoles, Role, UNIT_SCOPED_ROLES } from './roles';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { UNIT_HIERARCHY, UnitHierarchy } from './unit-hierarchy';

export type AccessMode = 'read' | 'write';

/** What a scope rule needs to know about a record: its unit and, for enterprise records, its enterprise. */
export interface RecordScope {
  readonly unit: string;
  readonly enterpriseId?: string;
}

export interface AccessDecision {
  readonly allowed: boolean;
  /** Why not, in words a person can act on (returned to the caller with the 403). */
  readonly reason?: string;
}

const ALLOW: AccessDecision = { allowed: true };
const deny = (reason: string): AccessDecision => ({ allowed: false, reason });

/**
 * The scope rules of the platform, as a pure function (ARCHITECTURE.md, "Administrative units and access"):
 * - auditor (and service accounts) read every record and write none;
 * - unit-scoped roles (province-admin, department-officer, commune-officer, village-officer, trainer,
 *   expert-assessor, award-council) read and write records whose unit lies within their own unit's
 *   subtree (a province admin carries the province code, so acts within the province; records of a
 *   historical unit lie within the unit it was merged into);
 * - enterprise users read and write only records of their own enterprise (claim enterprise_id);
 * - an actor holding several roles gets the union, except that `auditor` makes the actor read-only.
 * What each role may do (approve, certify, decide) is the route's @Roles rule; this decides *where*.
 */
export function decideAccess(hierarchy: UnitHierarchy, actor: Actor, record: RecordScope, mode: AccessMode): AccessDecision {
  const roles = platformRoles(actor.roles);
  if (mode === 'write' && isReadOnly(roles)) {
    return deny(roles.includes(Role.Auditor) ? 'Auditors are read-only: they may not change records.' : 'Service accounts are read-only: they may not change records.');
  }
  if (mode === 'read' && (roles.includes(Role.Auditor) || roles.includes(Role.Service))) return ALLOW;

  if (roles.some((r) => UNIT_SCOPED_ROLES.includes(r)) && hierarchy.isWithin(record.unit, actor.unit)) return ALLOW;

  if (roles.includes(Role.Enterprise)) {
    if (record.enterpriseId && actor.enterpriseId && record.enterpriseId === actor.enterpriseId) return ALLOW;
    if (!roles.some((r) => UNIT_SCOPED_ROLES.includes(r))) {
      return deny(
        record.enterpriseId
          ? `This record belongs to another enterprise; you act only for enterprise ${actor.enterpriseId ?? '(none in your account)'}.`
          : 'Enterprise users act only on their own enterprise\'s records.',
      );
    }
  }
  if (!roles.some((r) => UNIT_SCOPED_ROLES.includes(r))) {
    return deny('Your account holds no role that gives access to records of an administrative unit.');
  }
  return deny(`The record belongs to administrative unit ${record.unit}, outside your unit ${actor.unit}; you may ${mode === 'read' ? 'see' : 'change'} only records within your unit.`);
}

/**
 * Scope checks for command and query handlers; each `assert…` throws Forbidden (403) from
 * @nangsuat/event-store. Call it with the unit of the record *as stored* (or, for a new record, the
 * unit it will belong to) and before appending anything, so a refused command writes nothing.
 */
@Injectable()
export class AccessPolicy {
  private readonly hierarchy: UnitHierarchy;

  constructor(@Optional() @Inject(UNIT_HIERARCHY) hierarchy?: UnitHierarchy) {
    this.hierarchy = hierarchy ?? administrativeUnits;
  }

  decide(actor: Actor, record: RecordScope, mode: AccessMode): AccessDecision {
    return decideAccess(this.hierarchy, actor, record, mode);
  }

  canRead(actor: Actor, unitCode: string): boolean {
    return this.decide(actor, { unit: unitCode }, 'read').allowed;
  }

  canWrite(actor: Actor, unitCode: string): boolean {
    return this.decide(actor, { unit: unitCode }, 'write').allowed;
  }

  assertCanRead(actor: Actor, unitCode: string): void {
    this.assert(actor, { unit: unitCode }, 'read');
  }

  assertCanWrite(actor: Actor, unitCode: string): void {
    this.assert(actor, { unit: unitCode }, 'write');
  }

  /** For a record owned by an enterprise: its own users, or officers of the record's unit subtree (auditors read). */
  assertCanAccessRecord(actor: Actor, record: RecordScope, mode: AccessMode): void {
    this.assert(actor, record, mode);
  }

  /** The actor is an enterprise user acting for exactly this enterprise. */
  assertOwnEnterprise(actor: Actor, enterpriseId: string): void {
    const roles = platformRoles(actor.roles);
    if (!roles.includes(Role.Enterprise) || !actor.enterpriseId) {
      throw new Forbidden('Only a user of the enterprise itself may do this.', { enterpriseId });
    }
    if (actor.enterpriseId !== enterpriseId) {
      throw new Forbidden(`This record belongs to another enterprise; you act only for enterprise ${actor.enterpriseId}.`, { enterpriseId });
    }
  }

  private assert(actor: Actor, record: RecordScope, mode: AccessMode): void {
    const decision = this.decide(actor, record, mode);
    if (!decision.allowed) {
      throw new Forbidden(decision.reason ?? 'Access denied.', { unit: record.unit, ...(record.enterpriseId ? { enterpriseId: record.enterpriseId } : {}), mode });
    }
  }
}
