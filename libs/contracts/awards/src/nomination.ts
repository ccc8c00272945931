import { Conflict, Decider, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { PERSON_ID_PATTERN } from '@nangsuat/domain-values';
import { AwardCategorySnapshot } from './award-category';
import { parseDecisionNumber } from './decision-number';
import { AWARD_OUTCOMES, AwardOutcome, NOMINATOR_KINDS, NOMINEE_KINDS, NominationEvent, NominationRef, Nominator, Nominee } from './events';
import { requireId, requireInstant, requireInteger, requireIsoDate, requireOneOf, requireText, requireTextList, requireUnitCode, vietnamDate } from './values';

/**
 * Nomination decider — stream `nomination-<nominationId>`; one stream per nomination, holding its
 * council and every evaluation, so "one evaluation per council member" holds under concurrency
 * (two evaluations by the same member race on the stream version; the loser re-decides and is
 * refused).
 *
 *   nominated → under-evaluation → decided (awarded | not-awarded, decision document) → closed
 *   nominated | under-evaluation → withdrawn (reason)
 *
 * The award council is fixed when the evaluation starts; only its members evaluate, each once,
 * with a whole score 0–100 and a comment. The decision needs every member's evaluation and a
 * decision number such as 123/QĐ-UBND.
 */

export type NominationStatus = 'none' | 'nominated' | 'under-evaluation' | 'decided' | 'closed' | 'withdrawn';

export interface Evaluation {
  readonly memberId: string;
  readonly score: number;
  readonly comment: string;
}

export interface NominationState {
  readonly status: NominationStatus;
  readonly ref?: NominationRef;
  readonly councilMemberIds: readonly string[];
  readonly evaluations: readonly Evaluation[];
  readonly outcome?: AwardOutcome;
  readonly decisionDocumentNumber?: string;
}

export interface Nominate {
  readonly type: 'Nominate';
  readonly nominationId: string;
  /** The category as loaded by the handler (awardCategorySnapshot). */
  readonly category: AwardCategorySnapshot;
  readonly nominee: Nominee;
  readonly nominatedBy: Nominator;
  /** The unit the nominee belongs to. */
  readonly unitCode: string;
  readonly achievements: readonly string[];
  readonly now: string;
}

export interface StartEvaluation {
  readonly type: 'StartEvaluation';
  readonly councilMemberIds: readonly string[];
  readonly now: string;
}

export interface EvaluateNomination {
  readonly type: 'EvaluateNomination';
  readonly memberId: string;
  readonly score: number;
  readonly comment: string;
  readonly now: string;
}

export interface DecideNomination {
  readonly type: 'DecideNomination';
  readonly outcome: AwardOutcome;
  readonly decisionDocumentNumber: string;
  readonly decisionDate: string;
  readonly decidedBy: string;
  readonly now: string;
}

export interface CloseNomination {
  readonly type: 'CloseNomination';
  readonly now: string;
}

export interface WithdrawNomination {
  readonly type: 'WithdrawNomination';
  readonly reason: string;
  readonly now: string;
}

export type NominationCommand = Nominate | StartEvaluation | EvaluateNomination | DecideNomination | CloseNomination | WithdrawNomination;


function optionalRefId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !PERSON_ID_PATTERN.test(value)) {
    throw new DomainRuleViolation(`${field} must be 1–128 letters, digits, '_' or '-' (got ${JSON.stringify(value)}).`, 'invalid-id', { field });
  }
  return value;
}

function requireStatus(state: NominationState, allowed: readonly NominationStatus[], action: string): asserts state is NominationState & { ref: NominationRef } {
  if (state.status === 'none' || !state.ref) throw new NotFound('The nomination does not exist.');
  if (!allowed.includes(state.status)) {
    throw new DomainRuleViolation(`Cannot ${action}: the nomination is ${state.status} (allowed from: ${allowed.join(', ')}).`, 'invalid-transition', {
      status: state.status,
      allowed,
    });
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function decide(command: NominationCommand, state: NominationState): NominationEvent[] {
  switch (command.type) {
    case 'Nominate': {
      if (state.status !== 'none') throw new Conflict(`Nomination ${state.ref?.nominationId} already exists.`, 'already-exists');
      const nominationId = requireId(command.nominationId, 'nominationId');
      const category = command.category;
      if (!category) throw new NotFound('The award category does not exist.');
      const nominee = command.nominee ?? ({} as Nominee);
      const kind = requireOneOf(nominee.kind, NOMINEE_KINDS, 'nominee.kind');
      const nomineeName = requireText(nominee.name, 'nominee.name', 300);
      const enterpriseId = optionalRefId(nominee.enterpriseId, 'nominee.enterpriseId');
      const personId = optionalRefId(nominee.personId, 'nominee.personId');
      if (enterpriseId && kind !== 'enterprise') throw new DomainRuleViolation('nominee.enterpriseId is only for an enterprise nominee.', 'invalid-value');
      if (personId && kind !== 'individual') throw new DomainRuleViolation('nominee.personId is only for an individual nominee.', 'invalid-value');
      if (!category.eligibleNomineeKinds.includes(kind)) {
        throw new DomainRuleViolation(
          `Category ${category.name} does not accept ${kind} nominees (accepts: ${category.eligibleNomineeKinds.join(', ')}).`,
          'ineligible-nominee',
          { kind, eligible: category.eligibleNomineeKinds },
        );
      }
      const nominatedBy: Nominator = {
        kind: requireOneOf(command.nominatedBy?.kind, NOMINATOR_KINDS, 'nominatedBy.kind'),
        name: requireText(command.nominatedBy?.name, 'nominatedBy.name', 300),
      };
      const unitCode = requireUnitCode(command.unitCode);
      const achievements = requireTextList(command.achievements, 'achievements', { min: 1, maxLength: 2000 });
      const at = requireInstant(command.now);
      const today = vietnamDate(at);
      if (today < category.period.from || today > category.period.to) {
        throw new DomainRuleViolation(
          `Category ${category.name} accepts nominations from ${category.period.from} to ${category.period.to}; today is ${today}.`,
          'outside-nomination-period',
          { period: category.period, today },
        );
      }
      return [
        {
          type: 'NominationSubmitted',
          schemaVersion: 1,
          data: {
            nominationId,
            categoryId: category.categoryId,
            unitCode,
            nomineeKind: kind,
            nomineeName,
            ...(enterpriseId ? { enterpriseId } : {}),
            ...(personId ? { personId } : {}),
            nominatedBy,
            achievements,
            submittedAt: at,
          },
        },
      ];
    }

    case 'StartEvaluation': {
      requireStatus(state, ['nominated'], 'start the evaluation');
      if (!Array.isArray(command.councilMemberIds) || command.councilMemberIds.length === 0) {
        throw new DomainRuleViolation('councilMemberIds must list at least one award council member.', 'invalid-value', { field: 'councilMemberIds' });
      }
      const members = command.councilMemberIds.map((id, i) => requireText(id, `councilMemberIds[${i}]`, 200));
      const duplicate = members.find((id, i) => members.indexOf(id) !== i);
      if (duplicate) throw new DomainRuleViolation(`Council member ${duplicate} is listed twice.`, 'duplicate-member');
      return [{ type: 'NominationEvaluationStarted', schemaVersion: 1, data: { ...state.ref, councilMemberIds: members, startedAt: requireInstant(command.now) } }];
    }

    case 'EvaluateNomination': {
      requireStatus(state, ['under-evaluation'], 'evaluate');
      const memberId = requireText(command.memberId, 'memberId', 200);
      if (!state.councilMemberIds.includes(memberId)) {
        throw new DomainRuleViolation(`${memberId} is not a member of this nomination's award council.`, 'not-council-member');
      }
      if (state.evaluations.some((e) => e.memberId === memberId)) {
        throw new Conflict(`Council member ${memberId} has already evaluated this nomination.`, 'already-evaluated', { memberId });
      }
      const score = requireInteger(command.score, 'score', 0, 100);
      const comment = requireText(command.comment, 'comment', 5000);
      return [{ type: 'NominationEvaluated', schemaVersion: 1, data: { ...state.ref, memberId, score, comment, evaluatedAt: requireInstant(command.now) } }];
    }

    case 'DecideNomination': {
      requireStatus(state, ['under-evaluation'], 'decide');
      const missing = state.councilMemberIds.filter((id) => !state.evaluations.some((e) => e.memberId === id));
      if (missing.length > 0) {
        throw new DomainRuleViolation(`The council has not finished: waiting for ${missing.join(', ')}.`, 'evaluation-incomplete', { missing });
      }
      const outcome = requireOneOf(command.outcome, AWARD_OUTCOMES, 'outcome');
      const decisionDocumentNumber = parseDecisionNumber(command.decisionDocumentNumber).value;
      const decisionDate = requireIsoDate(command.decisionDate, 'decisionDate');
      const decidedBy = requireText(command.decidedBy, 'decidedBy', 200);
      const at = requireInstant(command.now);
      if (decisionDate > vietnamDate(at)) {
        throw new DomainRuleViolation(`decisionDate ${decisionDate} is in the future.`, 'invalid-date', { field: 'decisionDate' });
      }
      const total = state.evaluations.reduce((sum, e) => sum + e.score, 0);
      return [
        {
          type: 'NominationDecided',
          schemaVersion: 1,
          data: {
            ...state.ref,
            outcome,
            decisionDocumentNumber,
            decisionDate,
            decidedBy,
            averageScore: round2(total / state.evaluations.length),
            evaluationCount: state.evaluations.length,
            decidedAt: at,
          },
        },
      ];
    }

    case 'CloseNomination': {
      requireStatus(state, ['decided'], 'close');
      return [{ type: 'NominationClosed', schemaVersion: 1, data: { ...state.ref, closedAt: requireInstant(command.now) } }];
    }

    case 'WithdrawNomination': {
      requireStatus(state, ['nominated', 'under-evaluation'], 'withdraw');
      const reason = requireText(command.reason, 'reason', 2000);
      return [{ type: 'NominationWithdrawn', schemaVersion: 1, data: { ...state.ref, reason, withdrawnAt: requireInstant(command.now) } }];
    }
  }
}

function evolve(state: NominationState, event: NominationEvent): NominationState {
  switch (event.type) {
    case 'NominationSubmitted': {
      const { nominationId, categoryId, unitCode, nomineeKind, nomineeName, enterpriseId, personId } = event.data;
      return {
        ...state,
        status: 'nominated',
        ref: { nominationId, categoryId, unitCode, nomineeKind, nomineeName, ...(enterpriseId ? { enterpriseId } : {}), ...(personId ? { personId } : {}) },
      };
    }
    case 'NominationEvaluationStarted':
      return { ...state, status: 'under-evaluation', councilMemberIds: event.data.councilMemberIds };
    case 'NominationEvaluated':
      return { ...state, evaluations: [...state.evaluations, { memberId: event.data.memberId, score: event.data.score, comment: event.data.comment }] };
    case 'NominationDecided':
      return { ...state, status: 'decided', outcome: event.data.outcome, decisionDocumentNumber: event.data.decisionDocumentNumber };
    case 'NominationClosed':
      return { ...state, status: 'closed' };
    case 'NominationWithdrawn':
      return { ...state, status: 'withdrawn' };
    default:
      return state;
  }
}

export const nominationDecider: Decider<NominationCommand, NominationEvent, NominationState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', councilMemberIds: [], evaluations: [] }),
};
