import { hasRole, type Principal } from '../../auth/claims';

/** An enterprise claim as the support-programs API returns it. */
export interface EnterpriseClaim {
  readonly id: string;
  readonly status: 'submitted' | 'confirmed' | 'refused' | 'revoked';
  readonly taxCode: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly unitCode: string;
  readonly existing: boolean;
  readonly claimant: { readonly userId: string; readonly username: string; readonly email?: string };
  readonly enterpriseAccountId?: string;
  readonly accountId?: string;
  readonly reason?: string;
  readonly decidedBy?: string;
  readonly submittedAt: string;
  readonly version: number;
}

export type ClaimAction = 'confirm' | 'refuse' | 'revoke';

/** The officers who decide claims in their unit (the API's rule for confirm, refuse and revoke). */
const DECIDING_OFFICERS = ['province-admin', 'department-officer', 'commune-officer'] as const;

/**
 * What a user may do with a claim, as the API decides it: officers of the unit confirm, refuse and
 * revoke; a person already acting for the enterprise confirms or refuses a colleague's claim, and
 * revokes a colleague's link (someone who left), never their own.
 */
export function claimActions(claim: Pick<EnterpriseClaim, 'status' | 'enterpriseAccountId' | 'accountId' | 'claimant'>, p: Principal | undefined): ClaimAction[] {
  const officer = hasRole(p, ...DECIDING_OFFICERS);
  const account = claim.accountId ?? claim.enterpriseAccountId;
  const colleague = hasRole(p, 'enterprise') && !!p?.enterpriseId && p.enterpriseId === account && p.username !== claim.claimant.username;
  if (claim.status === 'submitted' && (officer || colleague)) return ['confirm', 'refuse'];
  if (claim.status === 'confirmed' && (officer || colleague)) return ['revoke'];
  return [];
}

/** Who decides claims (and sees the queue in the menu). */
export const seesClaimQueue = (p: Principal | undefined): boolean => hasRole(p, ...DECIDING_OFFICERS, 'enterprise');

/** A person who signed up themselves: no role and no enterprise yet — their work is to claim one. */
export const isNewcomer = (p: Principal | undefined): boolean => !!p && p.roles.length === 0 && !p.enterpriseId;
