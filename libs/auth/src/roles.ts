/** Realm roles of deploy/keycloak/nangsuat-realm.json. Tokens carry them in realm_access.roles. */
export const Role = {
  ProvinceAdmin: 'province-admin',
  DepartmentOfficer: 'department-officer',
  CommuneOfficer: 'commune-officer',
  VillageOfficer: 'village-officer',
  Enterprise: 'enterprise',
  Trainer: 'trainer',
  ExpertAssessor: 'expert-assessor',
  AwardCouncil: 'award-council',
  Auditor: 'auditor',
  /** Service accounts (client credentials): read across units for backfill and replay, never write. */
  Service: 'service',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Roles that act on the records of their administrative unit's subtree (read and write). */
export const UNIT_SCOPED_ROLES: readonly Role[] = [
  Role.ProvinceAdmin,
  Role.DepartmentOfficer,
  Role.CommuneOfficer,
  Role.VillageOfficer,
  Role.Trainer,
  Role.ExpertAssessor,
  Role.AwardCouncil,
];

/** Roles that read across every unit and never write. */
export const READ_ONLY_ROLES: readonly Role[] = [Role.Auditor, Role.Service];

/** Only the platform's roles; Keycloak's own (offline_access, default-roles-…) are dropped. */
export function platformRoles(roles: readonly string[] | undefined): Role[] {
  return (roles ?? []).filter((r): r is Role => (ALL_ROLES as readonly string[]).includes(r));
}

/**
 * Read-only actors: anyone holding `auditor` (separation of duties: the auditor never changes what
 * they audit, whatever other role they hold), and service accounts that hold no other role.
 */
export function isReadOnly(roles: readonly string[] | undefined): boolean {
  const held = platformRoles(roles);
  if (held.includes(Role.Auditor)) return true;
  return held.length > 0 && held.every((r) => READ_ONLY_ROLES.includes(r));
}
