import { hasRole, type Principal } from '../../auth/claims';

export type AchievementAction = 'verify' | 'refuse' | 'withdraw';

export interface AchievementRow {
  readonly achievementId: string;
  readonly status: 'recorded' | 'verified' | 'refused' | 'withdrawn';
  readonly unitCode: string;
  readonly recordedBy: string;
  readonly recordedByUnit: string;
}

/**
 * What a user may do to an achievement now (the API decides in the end; this only offers):
 * the unit above verifies or refuses one awaiting verification — never the person who recorded it,
 * and not from the achievement's own unit (except a province's People's Committee office for the
 * province's own organisations); officers withdraw one recorded or verified.
 */
export function achievementActions(a: AchievementRow, p: Principal | undefined): AchievementAction[] {
  if (!p) return [];
  const out: AchievementAction[] = [];
  const above = p.unit !== a.unitCode || (hasRole(p, 'province-admin') && !a.unitCode.includes('-'));
  if (a.status === 'recorded' && hasRole(p, 'province-admin', 'department-officer', 'commune-officer') && p.username !== a.recordedBy && above) out.push('verify', 'refuse');
  if ((a.status === 'recorded' || a.status === 'verified') && hasRole(p, 'province-admin', 'department-officer', 'commune-officer', 'village-officer')) out.push('withdraw');
  return out;
}
