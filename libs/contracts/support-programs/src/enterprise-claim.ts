import { Conflict, Decider, DomainEvent, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import type { EnterpriseProfileData } from './events';

/**
 * An enterprise claim — stream `enterprise-claim-<claimId>`: a person who signed up on Keycloak's
 * registration page (email verified) asks to act for an enterprise, named by its tax code — one the
 * platform knows, or a new one with its profile. The officer of the enterprise's unit (or above)
 * confirms, and the person's account is linked (Keycloak attribute enterprise_id, unit_code and the
 * role enterprise), or refuses with a reason. A confirmed link can be revoked. Every step is an
 * event, so the audit trail shows who vouched for whom.
 *
 *   submitted → confirmed → revoked
 *             ↘ refused
 */
export const ENTERPRISE_CLAIM_STREAM_PREFIX = 'enterprise-claim-';
export const enterpriseClaimStreamId = (claimId: string): string => `${ENTERPRISE_CLAIM_STREAM_PREFIX}${claimId}`;

export interface Claimant {
  readonly userId: string;
  readonly username: string;
  readonly email?: string;
}

export type EnterpriseClaimSubmitted = DomainEvent<
  'EnterpriseClaimSubmitted',
  {
    readonly claimId: string;
    readonly claimant: Claimant;
    readonly taxCode: string;
    readonly enterpriseId: string;
    readonly unitCode: string;
    /** The enterprise as the platform knew it (name, account), or the profile of a new one. */
    readonly existing: boolean;
    readonly profile: Omit<EnterpriseProfileData, 'unitCode'>;
    readonly submittedAt: string;
  }
>;
export type EnterpriseClaimConfirmed = DomainEvent<
  'EnterpriseClaimConfirmed',
  { readonly claimId: string; readonly unitCode: string; readonly enterpriseId: string; readonly accountId: string; readonly claimantId: string; readonly confirmedBy: string; readonly confirmedAt: string }
>;
export type EnterpriseClaimRefused = DomainEvent<
  'EnterpriseClaimRefused',
  { readonly claimId: string; readonly unitCode: string; readonly enterpriseId: string; readonly claimantId: string; readonly refusedBy: string; readonly reason: string; readonly refusedAt: string }
>;
export type EnterpriseLinkRevoked = DomainEvent<
  'EnterpriseLinkRevoked',
  { readonly claimId: string; readonly unitCode: string; readonly enterpriseId: string; readonly accountId: string; readonly claimantId: string; readonly revokedBy: string; readonly reason: string; readonly revokedAt: string }
>;
export type EnterpriseClaimEvent = EnterpriseClaimSubmitted | EnterpriseClaimConfirmed | EnterpriseClaimRefused | EnterpriseLinkRevoked;

export type ClaimStatus = 'none' | 'submitted' | 'confirmed' | 'refused' | 'revoked';

export interface EnterpriseClaimState {
  readonly status: ClaimStatus;
  readonly claim?: EnterpriseClaimSubmitted['data'];
  readonly accountId?: string;
  readonly reason?: string;
  readonly decidedBy?: string;
}

export type EnterpriseClaimCommand =
  | { readonly type: 'SubmitClaim'; readonly claim: EnterpriseClaimSubmitted['data'] }
  | { readonly type: 'ConfirmClaim'; readonly accountId: string; readonly by: string; readonly now: string }
  | { readonly type: 'RefuseClaim'; readonly reason: string; readonly by: string; readonly now: string }
  | { readonly type: 'RevokeLink'; readonly reason: string; readonly by: string; readonly now: string };

function requireReason(reason: string): string {
  const text = (reason ?? '').normalize('NFC').trim();
  if (text.length < 3) throw new DomainRuleViolation('Give the reason (at least 3 characters): the person is told it.', 'invalid-value', { field: 'reason' });
  return text;
}

function requireStatus(state: EnterpriseClaimState, allowed: ClaimStatus, action: string): asserts state is EnterpriseClaimState & { claim: EnterpriseClaimSubmitted['data'] } {
  if (state.status === 'none' || !state.claim) throw new NotFound('No such enterprise claim.');
  if (state.status !== allowed) {
    throw new DomainRuleViolation(`Cannot ${action}: the claim is ${state.status}.`, 'invalid-transition', { status: state.status });
  }
}

function decide(command: EnterpriseClaimCommand, state: EnterpriseClaimState): EnterpriseClaimEvent[] {
  switch (command.type) {
    case 'SubmitClaim':
      if (state.status === 'submitted' || state.status === 'confirmed') {
        throw new Conflict(`You have already claimed this enterprise (the claim is ${state.status}).`, 'duplicate-claim', { claimId: state.claim?.claimId });
      }
      return [{ type: 'EnterpriseClaimSubmitted', schemaVersion: 1, data: command.claim }];
    case 'ConfirmClaim': {
      if (state.status === 'confirmed' && state.accountId === command.accountId) return []; // a retried confirmation
      requireStatus(state, 'submitted', 'confirm');
      const c = state.claim;
      return [
        {
          type: 'EnterpriseClaimConfirmed',
          schemaVersion: 1,
          data: { claimId: c.claimId, unitCode: c.unitCode, enterpriseId: c.enterpriseId, accountId: command.accountId, claimantId: c.claimant.userId, confirmedBy: command.by, confirmedAt: command.now },
        },
      ];
    }
    case 'RefuseClaim': {
      requireStatus(state, 'submitted', 'refuse');
      const c = state.claim;
      return [
        {
          type: 'EnterpriseClaimRefused',
          schemaVersion: 1,
          data: { claimId: c.claimId, unitCode: c.unitCode, enterpriseId: c.enterpriseId, claimantId: c.claimant.userId, refusedBy: command.by, reason: requireReason(command.reason), refusedAt: command.now },
        },
      ];
    }
    case 'RevokeLink': {
      requireStatus(state, 'confirmed', 'revoke');
      const c = state.claim;
      return [
        {
          type: 'EnterpriseLinkRevoked',
          schemaVersion: 1,
          data: {
            claimId: c.claimId,
            unitCode: c.unitCode,
            enterpriseId: c.enterpriseId,
            accountId: state.accountId!,
            claimantId: c.claimant.userId,
            revokedBy: command.by,
            reason: requireReason(command.reason),
            revokedAt: command.now,
          },
        },
      ];
    }
  }
}

function evolve(state: EnterpriseClaimState, event: EnterpriseClaimEvent): EnterpriseClaimState {
  switch (event.type) {
    case 'EnterpriseClaimSubmitted':
      return { status: 'submitted', claim: event.data };
    case 'EnterpriseClaimConfirmed':
      return { ...state, status: 'confirmed', accountId: event.data.accountId, decidedBy: event.data.confirmedBy };
    case 'EnterpriseClaimRefused':
      return { ...state, status: 'refused', reason: event.data.reason, decidedBy: event.data.refusedBy };
    case 'EnterpriseLinkRevoked':
      return { ...state, status: 'revoked', reason: event.data.reason, decidedBy: event.data.revokedBy };
    default:
      return state;
  }
}

export const enterpriseClaimDecider: Decider<EnterpriseClaimCommand, EnterpriseClaimEvent, EnterpriseClaimState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
