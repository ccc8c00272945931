import type { EnterpriseClaimState } from '@nangsuat/contracts/support-programs';

/** A claim as its claimant and its deciders see it (GET /enterprise-claims/:id, the lists, command answers). */
export interface EnterpriseClaimView {
  readonly id: string;
  readonly status: EnterpriseClaimState['status'];
  readonly taxCode: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly unitCode: string;
  readonly existing: boolean;
  readonly claimant: { readonly userId: string; readonly username: string; readonly email?: string };
  /** The account the enterprise's users act with when the claim was made (its users may confirm). */
  readonly enterpriseAccountId?: string;
  readonly accountId?: string;
  readonly reason?: string;
  readonly decidedBy?: string;
  readonly submittedAt: string;
  readonly version: number;
}

export function enterpriseClaimView(state: EnterpriseClaimState, version: number): EnterpriseClaimView {
  const c = state.claim!;
  return {
    id: c.claimId,
    status: state.status,
    taxCode: c.taxCode,
    enterpriseId: c.enterpriseId,
    enterpriseName: c.profile.name,
    unitCode: c.unitCode,
    existing: c.existing,
    claimant: c.claimant,
    ...(c.enterpriseAccountId ? { enterpriseAccountId: c.enterpriseAccountId } : {}),
    ...(state.accountId ? { accountId: state.accountId } : {}),
    ...(state.reason ? { reason: state.reason } : {}),
    ...(state.decidedBy ? { decidedBy: state.decidedBy } : {}),
    submittedAt: c.submittedAt,
    version,
  };
}
