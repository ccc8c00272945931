/** What the console reads from the access token: who, which roles, which unit, which enterprise. */
export type Role =
  | 'province-admin'
  | 'department-officer'
  | 'commune-officer'
  | 'village-officer'
  | 'trainer'
  | 'expert-assessor'
  | 'award-council'
  | 'enterprise'
  | 'auditor';

export const OFFICER_ROLES: readonly Role[] = ['province-admin', 'department-officer', 'commune-officer', 'village-officer'];

export interface Principal {
  readonly username: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly unit: string;
  readonly enterpriseId?: string;
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function principalFromAccessToken(token: string): Principal {
  const claims = decodeJwtPayload(token);
  const realmRoles = ((claims.realm_access as { roles?: unknown } | undefined)?.roles ?? []) as unknown[];
  const known = new Set<string>([...OFFICER_ROLES, 'trainer', 'expert-assessor', 'award-council', 'enterprise', 'auditor']);
  return {
    username: String(claims.preferred_username ?? claims.sub ?? ''),
    name: String(claims.name ?? claims.preferred_username ?? ''),
    roles: realmRoles.filter((r): r is Role => typeof r === 'string' && known.has(r)),
    unit: String(claims.unit ?? ''),
    enterpriseId: typeof claims.enterprise_id === 'string' ? claims.enterprise_id : undefined,
  };
}

export const hasRole = (p: Principal | undefined, ...roles: Role[]): boolean => !!p && p.roles.some((r) => roles.includes(r));
export const isOfficer = (p: Principal | undefined): boolean => hasRole(p, ...OFFICER_ROLES);
