import { Role } from '@nangsuat/auth';

/** Who records achievements: the offices of every level, village boards included (they report upward). */
export const ACHIEVEMENT_RECORDERS: Role[] = [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer, Role.VillageOfficer];
/** Who verifies or refuses them: the unit above (a commune for its villages, the province for its communes and its own organisations). */
export const ACHIEVEMENT_VERIFIERS: Role[] = [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer];
/** Who registers organisations: the offices of the province and communes. */
export const ORGANISATION_REGISTRARS: Role[] = [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer];
