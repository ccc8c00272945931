import { Conflict, Decider, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import {
  ENTERPRISE_GROUPS,
  ENTERPRISE_SIZES,
  EnterpriseEvent,
  EnterpriseGroup,
  EnterpriseProfileData,
  EnterpriseSize,
  enterpriseIdForTaxCode,
} from './events';
import { parseTaxCode } from './tax-code';
import { requireId, requireInstant, requireOneOf, requireText, requireUnitCode } from './values';

/**
 * Enterprise decider — stream `enterprise-<enterpriseId>`, with enterpriseId = `mst-<tax code>`
 * (see `enterpriseIdForTaxCode`). Deriving the id from the canonical tax code makes "one tax code,
 * one enterprise" hold under concurrency: a second registration of the same tax code appends to a
 * stream that already exists and is refused (Conflict), whoever wins the race.
 *
 * The tax code is validated (format and check digit, see tax-code.ts) and never changes; the
 * profile (name, unit, sector, size, group) can be updated.
 */

export interface EnterpriseState {
  readonly status: 'none' | 'registered';
  readonly enterpriseId?: string;
  readonly taxCode?: string;
  /** Identity-provider account the enterprise's users act with (their `enterprise_id` claim). */
  readonly accountId?: string;
  readonly profile?: EnterpriseProfileData;
}

export interface RegisterEnterprise {
  readonly type: 'RegisterEnterprise';
  /** Must equal enterpriseIdForTaxCode(canonical tax code); the handler computes it. */
  readonly enterpriseId: string;
  readonly taxCode: string;
  readonly name: string;
  readonly unitCode: string;
  readonly sector: string;
  readonly size: EnterpriseSize;
  readonly group: EnterpriseGroup;
  /** The `enterprise_id` of the enterprise's user accounts, when known (set from the token when the enterprise registers itself). */
  readonly accountId?: string;
  readonly now: string;
}

export interface UpdateEnterpriseProfile {
  readonly type: 'UpdateEnterpriseProfile';
  readonly changes: Partial<EnterpriseProfileData>;
  readonly now: string;
}

export type EnterpriseCommand = RegisterEnterprise | UpdateEnterpriseProfile;

/** What a registration needs to know about the enterprise (passed into SubmitRegistration). */
export interface EnterpriseSnapshot {
  readonly enterpriseId: string;
  readonly taxCode: string;
  readonly name: string;
  readonly unitCode: string;
  readonly group: EnterpriseGroup;
  readonly accountId?: string;
}

export function enterpriseSnapshot(state: EnterpriseState): EnterpriseSnapshot {
  if (state.status !== 'registered' || !state.enterpriseId || !state.taxCode || !state.profile) {
    throw new NotFound('The enterprise is not registered.');
  }
  return {
    enterpriseId: state.enterpriseId,
    taxCode: state.taxCode,
    name: state.profile.name,
    unitCode: state.profile.unitCode,
    group: state.profile.group,
    ...(state.accountId ? { accountId: state.accountId } : {}),
  };
}

function validateProfile(input: Partial<EnterpriseProfileData>): Partial<EnterpriseProfileData> {
  const out: { -readonly [K in keyof EnterpriseProfileData]?: EnterpriseProfileData[K] } = {};
  if ('name' in input) out.name = requireText(input.name, 'name', 300);
  if ('unitCode' in input) out.unitCode = requireUnitCode(input.unitCode);
  if ('sector' in input) out.sector = requireText(input.sector, 'sector', 200);
  if ('size' in input) out.size = requireOneOf(input.size, ENTERPRISE_SIZES, 'size');
  if ('group' in input) out.group = requireOneOf(input.group, ENTERPRISE_GROUPS, 'group');
  return out;
}

function decide(command: EnterpriseCommand, state: EnterpriseState): EnterpriseEvent[] {
  switch (command.type) {
    case 'RegisterEnterprise': {
      const taxCode = parseTaxCode(command.taxCode).value;
      if (state.status !== 'none') {
        throw new Conflict(`An enterprise with tax code ${state.taxCode} is already registered.`, 'already-exists', {
          enterpriseId: state.enterpriseId,
        });
      }
      const expectedId = enterpriseIdForTaxCode(taxCode);
      if (command.enterpriseId !== expectedId) {
        throw new DomainRuleViolation(`enterpriseId must be ${expectedId} for tax code ${taxCode}.`, 'invalid-id', { field: 'enterpriseId' });
      }
      const profile = validateProfile({
        name: command.name,
        unitCode: command.unitCode,
        sector: command.sector,
        size: command.size,
        group: command.group,
      }) as EnterpriseProfileData;
      const accountId = command.accountId === undefined ? undefined : requireId(command.accountId, 'accountId');
      const registeredAt = requireInstant(command.now);
      return [
        {
          type: 'EnterpriseRegistered',
          schemaVersion: 1,
          data: { enterpriseId: expectedId, taxCode, ...profile, ...(accountId ? { accountId } : {}), registeredAt },
        },
      ];
    }

    case 'UpdateEnterpriseProfile': {
      if (state.status !== 'registered' || !state.profile || !state.enterpriseId) throw new NotFound('The enterprise is not registered.');
      if (typeof command.changes !== 'object' || command.changes === null) {
        throw new DomainRuleViolation('changes must list the fields to change.', 'invalid-value', { field: 'changes' });
      }
      if ('accountId' in command.changes) {
        throw new DomainRuleViolation('The account of an enterprise is set when it registers and cannot be changed here.', 'immutable-field', {
          field: 'accountId',
        });
      }
      if ('taxCode' in command.changes) {
        throw new DomainRuleViolation('The tax code of an enterprise cannot be changed; register the other tax code as its own enterprise.', 'immutable-field', {
          field: 'taxCode',
        });
      }
      const validated = validateProfile(command.changes);
      const profile = state.profile;
      const changes = Object.fromEntries(
        Object.entries(validated).filter(([key, value]) => value !== profile[key as keyof EnterpriseProfileData]),
      ) as Partial<EnterpriseProfileData>;
      const updatedAt = requireInstant(command.now);
      if (Object.keys(changes).length === 0) return [];
      return [
        {
          type: 'EnterpriseProfileUpdated',
          schemaVersion: 1,
          data: { enterpriseId: state.enterpriseId, unitCode: changes.unitCode ?? profile.unitCode, changes, updatedAt },
        },
      ];
    }
  }
}

function evolve(state: EnterpriseState, event: EnterpriseEvent): EnterpriseState {
  switch (event.type) {
    case 'EnterpriseRegistered': {
      const { enterpriseId, taxCode, accountId, registeredAt: _registeredAt, ...profile } = event.data;
      return { status: 'registered', enterpriseId, taxCode, ...(accountId ? { accountId } : {}), profile };
    }
    case 'EnterpriseProfileUpdated':
      return state.profile ? { ...state, profile: { ...state.profile, ...event.data.changes } } : state;
    default:
      return state;
  }
}

export const enterpriseDecider: Decider<EnterpriseCommand, EnterpriseEvent, EnterpriseState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
