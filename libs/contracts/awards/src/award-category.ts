import { Conflict, Decider, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { AwardCategoryEvent, AwardPeriod, NOMINEE_KINDS, NomineeKind } from './events';
import { optionalText, requireId, requireInstant, requireIsoDate, requireSubsetOf, requireText, requireUnitCode } from './values';

/**
 * AwardCategory decider — stream `award-category-<categoryId>`. Deliberately simple: a category is
 * created with a name, the kinds of nominee it accepts and the period in which nominations are
 * accepted. Nominations read it through `awardCategorySnapshot`.
 */

export interface AwardCategoryState {
  readonly status: 'none' | 'created';
  readonly categoryId?: string;
  readonly unitCode?: string;
  readonly name?: string;
  readonly eligibleNomineeKinds: readonly NomineeKind[];
  readonly period?: AwardPeriod;
}

export interface CreateAwardCategory {
  readonly type: 'CreateAwardCategory';
  readonly categoryId: string;
  readonly unitCode: string;
  readonly name: string;
  readonly description?: string;
  readonly eligibleNomineeKinds: readonly NomineeKind[];
  readonly period: AwardPeriod;
  readonly now: string;
}

export type AwardCategoryCommand = CreateAwardCategory;

export interface AwardCategorySnapshot {
  readonly categoryId: string;
  readonly unitCode: string;
  readonly name: string;
  readonly eligibleNomineeKinds: readonly NomineeKind[];
  readonly period: AwardPeriod;
}

export function awardCategorySnapshot(state: AwardCategoryState): AwardCategorySnapshot {
  if (state.status !== 'created' || !state.categoryId || !state.unitCode || !state.name || !state.period) {
    throw new NotFound('The award category does not exist.');
  }
  return { categoryId: state.categoryId, unitCode: state.unitCode, name: state.name, eligibleNomineeKinds: state.eligibleNomineeKinds, period: state.period };
}

function decide(command: AwardCategoryCommand, state: AwardCategoryState): AwardCategoryEvent[] {
  switch (command.type) {
    case 'CreateAwardCategory': {
      if (state.status !== 'none') throw new Conflict(`Award category ${state.categoryId} already exists.`, 'already-exists');
      const categoryId = requireId(command.categoryId, 'categoryId');
      const unitCode = requireUnitCode(command.unitCode);
      const name = requireText(command.name, 'name', 300);
      const description = optionalText(command.description, 'description', 5000);
      const eligibleNomineeKinds = requireSubsetOf(command.eligibleNomineeKinds, NOMINEE_KINDS, 'eligibleNomineeKinds', 1);
      const from = requireIsoDate(command.period?.from, 'period.from');
      const to = requireIsoDate(command.period?.to, 'period.to');
      if (to < from) throw new DomainRuleViolation(`period.to ${to} is before period.from ${from}.`, 'invalid-date-range', { from, to });
      return [
        {
          type: 'AwardCategoryCreated',
          schemaVersion: 1,
          data: {
            categoryId,
            unitCode,
            name,
            ...(description ? { description } : {}),
            eligibleNomineeKinds,
            period: { from, to },
            createdAt: requireInstant(command.now),
          },
        },
      ];
    }
  }
}

function evolve(state: AwardCategoryState, event: AwardCategoryEvent): AwardCategoryState {
  switch (event.type) {
    case 'AwardCategoryCreated': {
      const { categoryId, unitCode, name, eligibleNomineeKinds, period } = event.data;
      return { status: 'created', categoryId, unitCode, name, eligibleNomineeKinds, period };
    }
    default:
      return state;
  }
}

export const awardCategoryDecider: Decider<AwardCategoryCommand, AwardCategoryEvent, AwardCategoryState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', eligibleNomineeKinds: [] }),
};
