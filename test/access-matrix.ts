/**
 * The cross-service access table (issue 4): every role × a representative read and write in each
 * service → allowed or denied. The expected answer is derived from two declared facts per probe —
 * the roles the route accepts (its @Roles) and the record's unit/enterprise — combined with the
 * platform's scope rules (decideAccess of libs/auth, whose own rules table is pinned in
 * libs/auth/src/access-policy.spec.ts). Service owners fill in `request` when their route exists;
 * until then the probe is reported as a todo.
 */
import { seedUnitTree } from '@nangsuat/administrative-units';
import { decideAccess, RecordScope, Role } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-store';
import type { ServiceName } from './support/platform';

/** One demo user per role, in the seed units (docs/identity.md). */
export const MATRIX_USERS: readonly { username: string; role: Role; unit: string; enterpriseId?: string }[] = [
  { username: 'qn.admin', role: Role.ProvinceAdmin, unit: '51' },
  { username: 'kh.admin', role: Role.ProvinceAdmin, unit: '56' },
  { username: 'qn.department', role: Role.DepartmentOfficer, unit: '51' },
  { username: 'ngokbay.officer', role: Role.CommuneOfficer, unit: '51-NGOKBAY' },
  { username: 'dakcam.officer', role: Role.CommuneOfficer, unit: '51-DAKCAM' },
  { username: 'konrlong.officer', role: Role.VillageOfficer, unit: '51-NGOKBAY-KONRLONG' },
  { username: 'ent.ngokbay', role: Role.Enterprise, unit: '51-NGOKBAY', enterpriseId: 'DN-51-0001' },
  { username: 'ent.phanrang', role: Role.Enterprise, unit: '56-PHANRANG', enterpriseId: 'DN-56-0001' },
  { username: 'qn.trainer', role: Role.Trainer, unit: '51' },
  { username: 'qn.assessor', role: Role.ExpertAssessor, unit: '51' },
  { username: 'qn.council', role: Role.AwardCouncil, unit: '51' },
  { username: 'auditor.vn', role: Role.Auditor, unit: 'VN' },
];

export interface MatrixRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
}

export interface Probe {
  readonly service: ServiceName;
  /** What the request does, in the domain's words. */
  readonly action: string;
  readonly mode: 'read' | 'write';
  /** The record's unit (and enterprise for enterprise-owned records). Ngọk Bay throughout, so cross-unit answers show. */
  readonly record: RecordScope;
  /** Roles the route accepts (@Roles); undefined: any signed-in user (scope still applies). */
  readonly roles?: readonly Role[];
  /** The HTTP request, once the route exists; may depend on fixtures created by `setup`. */
  readonly request?: (fixture: Record<string, string>) => MatrixRequest;
  /** Creates what the probe acts on (as a user allowed to), returning ids for `request`. */
  readonly setup?: () => Promise<Record<string, string>>;
}

const NGOKBAY = { unit: '51-NGOKBAY' };
const OWN_ENTERPRISE = { unit: '51-NGOKBAY', enterpriseId: 'DN-51-0001' };

// Routes are filled in by each service's owner (request/setup); roles are the intended @Roles.
export const PROBES: readonly Probe[] = [
  { service: 'plans', action: 'read the Ngọk Bay commune plan', mode: 'read', record: NGOKBAY },
  { service: 'plans', action: 'amend a target of the Ngọk Bay plan', mode: 'write', record: NGOKBAY, roles: [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer] },
  { service: 'plans', action: 'report village progress', mode: 'write', record: { unit: '51-NGOKBAY-KONRLONG' }, roles: [Role.CommuneOfficer, Role.VillageOfficer] },
  { service: 'support-programs', action: 'read a pilot-model registration of DN-51-0001', mode: 'read', record: OWN_ENTERPRISE },
  { service: 'support-programs', action: 'register DN-51-0001 for a pilot model', mode: 'write', record: OWN_ENTERPRISE, roles: [Role.Enterprise] },
  { service: 'support-programs', action: 'approve a Ngọk Bay registration', mode: 'write', record: NGOKBAY, roles: [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer] },
  { service: 'training', action: 'read a Ngọk Bay course\'s attendance', mode: 'read', record: NGOKBAY },
  { service: 'training', action: 'record attendance of a Ngọk Bay course', mode: 'write', record: NGOKBAY, roles: [Role.Trainer, Role.ProvinceAdmin] },
  { service: 'training', action: 'certify a productivity expert in Quảng Ngãi', mode: 'write', record: { unit: '51' }, roles: [Role.ExpertAssessor] },
  { service: 'awards', action: 'read nominations in Quảng Ngãi', mode: 'read', record: { unit: '51' } },
  { service: 'awards', action: 'decide an award in Quảng Ngãi', mode: 'write', record: { unit: '51' }, roles: [Role.AwardCouncil] },
  { service: 'audit', action: 'replay the history of the Ngọk Bay plan', mode: 'read', record: NGOKBAY, roles: [Role.Auditor, Role.ProvinceAdmin] },
  // a POST that changes nothing: the route carries @ReadOnlyOperation(), so it is a read for the rules
  { service: 'audit', action: 'verify the integrity of the ledger', mode: 'read', record: { unit: 'VN' }, roles: [Role.Auditor] },
];

/** Allowed or not, as the rules say: the route's roles, then the auditor rule, then the scope rule. */
export function expectedAllowed(probe: Probe, user: (typeof MATRIX_USERS)[number]): boolean {
  const actor: Actor = { id: user.username, username: user.username, unit: user.unit, roles: [user.role], ...(user.enterpriseId ? { enterpriseId: user.enterpriseId } : {}) };
  if (probe.roles && !probe.roles.includes(user.role)) return false;
  return decideAccess(seedUnitTree, actor, probe.record, probe.mode).allowed;
}
