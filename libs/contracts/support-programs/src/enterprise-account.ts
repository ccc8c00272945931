import { Conflict, Decider, NotFound } from '@nangsuat/event-sourcing';
import { EnterpriseAccountLinked } from './events';
import { requireId, requireInstant, requireText, requireUnitCode } from './values';

/**
 * Enterprise account link — stream `enterprise-account-<accountId>`.
 *
 * Enterprise users carry an `enterprise_id` claim (e.g. `DN-51-0001`, assigned in Keycloak), while
 * an enterprise's id in this context is derived from its tax code (`mst-<tax code>`). The link
 * stream maps the account to its enterprise, once: a second enterprise for the same account is
 * refused (Conflict), whoever wins the race, because the stream is appended with `no-stream`.
 * The enterprise record itself also stores the account id (EnterpriseRegistered.accountId), which
 * is what access checks compare with the token; the link is the lookup "which enterprise is mine".
 */
export interface EnterpriseAccountState {
  readonly accountId?: string;
  readonly enterpriseId?: string;
  readonly unitCode?: string;
}

export interface LinkEnterpriseAccount {
  readonly type: 'LinkEnterpriseAccount';
  readonly accountId: string;
  readonly enterpriseId: string;
  readonly unitCode: string;
  readonly now: string;
}

export function linkedEnterpriseId(state: EnterpriseAccountState): string {
  if (!state.enterpriseId) throw new NotFound('No enterprise is registered for your account yet; register it first (POST /enterprises).');
  return state.enterpriseId;
}

function decide(command: LinkEnterpriseAccount, state: EnterpriseAccountState): EnterpriseAccountLinked[] {
  const accountId = requireId(command.accountId, 'accountId');
  const enterpriseId = requireText(command.enterpriseId, 'enterpriseId', 100);
  if (state.enterpriseId !== undefined) {
    if (state.enterpriseId === enterpriseId) return []; // idempotent
    throw new Conflict(`Account ${accountId} already acts for enterprise ${state.enterpriseId}; one account acts for one enterprise.`, 'account-already-linked', {
      accountId,
      enterpriseId: state.enterpriseId,
    });
  }
  const unitCode = requireUnitCode(command.unitCode);
  return [{ type: 'EnterpriseAccountLinked', schemaVersion: 1, data: { accountId, enterpriseId, unitCode, linkedAt: requireInstant(command.now) } }];
}

function evolve(state: EnterpriseAccountState, event: EnterpriseAccountLinked): EnterpriseAccountState {
  return event.type === 'EnterpriseAccountLinked' ? { accountId: event.data.accountId, enterpriseId: event.data.enterpriseId, unitCode: event.data.unitCode } : state;
}

export const enterpriseAccountDecider: Decider<LinkEnterpriseAccount, EnterpriseAccountLinked, EnterpriseAccountState> = {
  decide,
  evolve,
  initialState: () => ({}),
};
