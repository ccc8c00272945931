import { Role } from '@nangsuat/auth';

/** Who writes plans: the People's Committees' offices at each level (within their unit's subtree). */
export const PLAN_WRITERS: Role[] = [Role.ProvinceAdmin, Role.DepartmentOfficer, Role.CommuneOfficer];
/** Who opens and submits annual reports: the plan writers, and villages for their own reports. */
export const REPORTERS: Role[] = [...PLAN_WRITERS, Role.VillageOfficer];
/** Who approves or returns a report: the offices of the units above the reporting unit. */
export const REPORT_REVIEWERS: Role[] = PLAN_WRITERS;
/** Who lets late facts count in a locked period: the province. */
export const LATE_EXCEPTION_GRANTERS: Role[] = [Role.ProvinceAdmin];
