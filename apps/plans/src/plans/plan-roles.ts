import type { Role } from '@nangsuat/auth';

/** Who writes plans: the People's Committees' offices at each level (within their unit's subtree). */
export const PLAN_WRITERS: Role[] = ['province-admin', 'department-officer', 'commune-officer'];
