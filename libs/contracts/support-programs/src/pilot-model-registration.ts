import { Conflict, Decider, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { EnterpriseSnapshot } from './enterprise';
import {
  EvidenceItem,
  PRODUCTIVITY_TOOLS,
  PilotModelRegistrationEvent,
  ProductivityTool,
  RegistrationOutcome,
  RegistrationRef,
  registrationIdFor,
} from './events';
import { ProgrammeSnapshot } from './programme';
import { optionalText, requireId, requireInstant, requireInteger, requireIsoDate, requireNumber, requireSubsetOf, requireText, requireTextList, vietnamDate } from './values';

/**
 * PilotModelRegistration decider — an enterprise's registration for a pilot model (mô hình điểm)
 * under a support programme.
 *
 * Stream `pilot-model-registration-<programmeId>:<enterpriseId>` (registrationStreamId). The id is
 * deterministic, so "a second registration of the same enterprise to the same programme is
 * refused" holds under concurrency: the second submit finds the stream taken (Conflict), or loses
 * the 'no-stream' append race. This also means an enterprise rejected or withdrawn from a programme
 * cannot register to it again — by design; it can join another programme.
 *
 *   submitted → under-review → approved → in-implementation → completed
 *                            ↘ rejected (reason)
 *   submitted | under-review | approved | in-implementation → withdrawn (reason)
 *
 * Approval needs a seat on the programme stream first (see programme.ts, CAPACITY DESIGN): the
 * ApproveRegistration command carries the programme version at which SeatReserved was appended.
 */

export type RegistrationStatus =
  | 'none'
  | 'submitted'
  | 'under-review'
  | 'approved'
  | 'rejected'
  | 'in-implementation'
  | 'completed'
  | 'withdrawn';

export interface RegistrationState {
  readonly status: RegistrationStatus;
  readonly ref?: RegistrationRef;
  readonly tools: readonly ProductivityTool[];
  readonly seatHeld: boolean;
  /** The enterprise's account id at submission (enterprise users' access). */
  readonly enterpriseAccountId?: string;
  readonly outcome?: RegistrationOutcome;
  readonly reason?: string;
}

export interface SubmitRegistration {
  readonly type: 'SubmitRegistration';
  /** Must be registrationIdFor(programme.programmeId, enterprise.enterpriseId). */
  readonly registrationId: string;
  /** The programme as loaded by the handler (programmeSnapshot). */
  readonly programme: ProgrammeSnapshot;
  /** The enterprise as loaded by the handler (enterpriseSnapshot). */
  readonly enterprise: EnterpriseSnapshot;
  readonly tools: readonly ProductivityTool[];
  readonly description?: string;
  readonly now: string;
}

export interface StartReview {
  readonly type: 'StartReview';
  readonly reviewerId: string;
  readonly now: string;
}

export interface ApproveRegistration {
  readonly type: 'ApproveRegistration';
  readonly reviewerId: string;
  /** Version of the programme stream after SeatReserved for this registration. */
  readonly seatReservedAtProgrammeVersion: number;
  readonly note?: string;
  readonly now: string;
}

export interface RejectRegistration {
  readonly type: 'RejectRegistration';
  readonly reviewerId: string;
  readonly reason: string;
  readonly now: string;
}

export interface StartImplementation {
  readonly type: 'StartImplementation';
  /** Calendar date the implementation started. */
  readonly startedOn: string;
  readonly now: string;
}

export interface CompleteRegistration {
  readonly type: 'CompleteRegistration';
  readonly outcome: RegistrationOutcome;
  readonly now: string;
}

export interface WithdrawRegistration {
  readonly type: 'WithdrawRegistration';
  readonly reason: string;
  readonly now: string;
}

export type RegistrationCommand =
  | SubmitRegistration
  | StartReview
  | ApproveRegistration
  | RejectRegistration
  | StartImplementation
  | CompleteRegistration
  | WithdrawRegistration;

/** Upper bound for a reported productivity gain; anything above is almost surely a typo. */
export const MAX_PRODUCTIVITY_GAIN_PERCENT = 1000;

const WITHDRAWABLE: readonly RegistrationStatus[] = ['submitted', 'under-review', 'approved', 'in-implementation'];

function requireStatus(state: RegistrationState, allowed: readonly RegistrationStatus[], action: string): asserts state is RegistrationState & { ref: RegistrationRef } {
  if (state.status === 'none' || !state.ref) throw new NotFound('The pilot-model registration does not exist.');
  if (!allowed.includes(state.status)) {
    throw new DomainRuleViolation(
      `Cannot ${action}: the registration is ${state.status} (allowed from: ${allowed.join(', ')}).`,
      'invalid-transition',
      { status: state.status, allowed },
    );
  }
}

function requireEvidence(value: unknown): EvidenceItem[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new DomainRuleViolation('outcome.evidence must list at least one piece of evidence (title and reference).', 'invalid-value', {
      field: 'outcome.evidence',
    });
  }
  return value.map((item: Partial<EvidenceItem>, i) => ({
    title: requireText(item?.title, `outcome.evidence[${i}].title`, 300),
    reference: requireText(item?.reference, `outcome.evidence[${i}].reference`, 1000),
  }));
}

function requireOutcome(value: unknown): RegistrationOutcome {
  if (typeof value !== 'object' || value === null) {
    throw new DomainRuleViolation('outcome must state the productivity gain, certificates and evidence.', 'invalid-value', { field: 'outcome' });
  }
  const raw = value as Partial<RegistrationOutcome>;
  const gain = raw.productivityGainPercent;
  if (typeof gain === 'number' && gain < 0) {
    throw new DomainRuleViolation(
      `outcome.productivityGainPercent must not be negative (got ${gain}); a pilot model that lost productivity is recorded as 0 with evidence, or withdrawn.`,
      'negative-gain',
      { field: 'outcome.productivityGainPercent' },
    );
  }
  return {
    productivityGainPercent: requireNumber(gain, 'outcome.productivityGainPercent', 0, MAX_PRODUCTIVITY_GAIN_PERCENT),
    certificatesObtained: requireTextList(raw.certificatesObtained ?? [], 'outcome.certificatesObtained', { maxLength: 300 }),
    evidence: requireEvidence(raw.evidence),
  };
}

function decide(command: RegistrationCommand, state: RegistrationState): PilotModelRegistrationEvent[] {
  switch (command.type) {
    case 'SubmitRegistration': {
      if (state.status !== 'none') {
        throw new Conflict(
          `Enterprise ${state.ref?.enterpriseId} has already registered for programme ${state.ref?.programmeId} (registration is ${state.status}); a second registration is refused.`,
          'duplicate-registration',
          { registrationId: state.ref?.registrationId, status: state.status },
        );
      }
      const { programme, enterprise } = command;
      if (!programme || programme.status === 'none') throw new NotFound('The support programme does not exist.');
      if (!enterprise) throw new NotFound('The enterprise is not registered.');
      const programmeId = requireId(programme.programmeId, 'programmeId');
      const enterpriseId = requireText(enterprise.enterpriseId, 'enterpriseId', 100);
      const expectedId = registrationIdFor(programmeId, enterpriseId);
      if (command.registrationId !== expectedId) {
        throw new DomainRuleViolation(`registrationId must be ${expectedId} (programme id : enterprise id).`, 'invalid-id', {
          field: 'registrationId',
        });
      }
      const submittedAt = requireInstant(command.now);
      if (programme.status === 'closed') {
        throw new DomainRuleViolation('The programme is closed; it no longer accepts registrations.', 'programme-closed');
      }
      const today = vietnamDate(submittedAt);
      if (today < programme.openingDate || today > programme.closingDate) {
        throw new DomainRuleViolation(
          `The programme accepts registrations from ${programme.openingDate} to ${programme.closingDate}; today is ${today}.`,
          'outside-registration-period',
          { openingDate: programme.openingDate, closingDate: programme.closingDate, today },
        );
      }
      if (!programme.eligibleGroups.includes(enterprise.group)) {
        throw new DomainRuleViolation(
          `Enterprises of group ${enterprise.group} are not eligible for this programme (eligible: ${programme.eligibleGroups.join(', ')}).`,
          'ineligible-group',
          { group: enterprise.group, eligibleGroups: programme.eligibleGroups },
        );
      }
      const tools = requireSubsetOf(command.tools, PRODUCTIVITY_TOOLS, 'tools', 1);
      const notOffered = tools.filter((tool) => !programme.toolsOffered.includes(tool));
      if (notOffered.length > 0) {
        throw new DomainRuleViolation(
          `The programme does not offer ${notOffered.join(', ')} (offered: ${programme.toolsOffered.join(', ')}).`,
          'tool-not-offered',
          { notOffered, toolsOffered: programme.toolsOffered },
        );
      }
      const description = optionalText(command.description, 'description', 5000);
      return [
        {
          type: 'RegistrationSubmitted',
          schemaVersion: 1,
          data: {
            registrationId: expectedId,
            programmeId,
            enterpriseId,
            unitCode: enterprise.unitCode,
            programmeUnitCode: programme.unitCode,
            ...(programme.planDocumentNumber ? { planDocumentNumber: programme.planDocumentNumber } : {}),
            taxCode: enterprise.taxCode,
            enterpriseName: enterprise.name,
            ...(enterprise.accountId ? { enterpriseAccountId: enterprise.accountId } : {}),
            group: enterprise.group,
            tools,
            ...(description ? { description } : {}),
            submittedAt,
          },
        },
      ];
    }

    case 'StartReview': {
      requireStatus(state, ['submitted'], 'start the review');
      const reviewerId = requireText(command.reviewerId, 'reviewerId', 200);
      return [{ type: 'RegistrationReviewStarted', schemaVersion: 1, data: { ...state.ref, reviewerId, startedAt: requireInstant(command.now) } }];
    }

    case 'ApproveRegistration': {
      // Approving an approved registration again changes nothing (a retried or repeated approval).
      if (state.status === 'approved') return [];
      requireStatus(state, ['under-review'], 'approve');
      const reviewerId = requireText(command.reviewerId, 'reviewerId', 200);
      const seatReservedAtProgrammeVersion = requireInteger(command.seatReservedAtProgrammeVersion, 'seatReservedAtProgrammeVersion', 1);
      const note = optionalText(command.note, 'note');
      return [
        {
          type: 'RegistrationApproved',
          schemaVersion: 1,
          data: {
            ...state.ref,
            reviewerId,
            tools: state.tools,
            seatReservedAtProgrammeVersion,
            ...(note ? { note } : {}),
            approvedAt: requireInstant(command.now),
          },
        },
      ];
    }

    case 'RejectRegistration': {
      requireStatus(state, ['under-review'], 'reject');
      const reviewerId = requireText(command.reviewerId, 'reviewerId', 200);
      const reason = requireText(command.reason, 'reason', 2000);
      return [{ type: 'RegistrationRejected', schemaVersion: 1, data: { ...state.ref, reviewerId, reason, rejectedAt: requireInstant(command.now) } }];
    }

    case 'StartImplementation': {
      requireStatus(state, ['approved'], 'start implementation');
      const startedOn = requireIsoDate(command.startedOn, 'startedOn');
      return [
        { type: 'RegistrationImplementationStarted', schemaVersion: 1, data: { ...state.ref, startedOn, startedAt: requireInstant(command.now) } },
      ];
    }

    case 'CompleteRegistration': {
      requireStatus(state, ['in-implementation'], 'record the outcome');
      const outcome = requireOutcome(command.outcome);
      return [
        {
          type: 'RegistrationCompleted',
          schemaVersion: 1,
          data: { ...state.ref, tools: state.tools, outcome, completedAt: requireInstant(command.now) },
        },
      ];
    }

    case 'WithdrawRegistration': {
      requireStatus(state, WITHDRAWABLE, 'withdraw');
      const reason = requireText(command.reason, 'reason', 2000);
      return [
        {
          type: 'RegistrationWithdrawn',
          schemaVersion: 1,
          data: { ...state.ref, reason, seatHeld: state.seatHeld, withdrawnAt: requireInstant(command.now) },
        },
      ];
    }
  }
}

const refOf = (data: RegistrationRef): RegistrationRef => ({
  registrationId: data.registrationId,
  programmeId: data.programmeId,
  enterpriseId: data.enterpriseId,
  unitCode: data.unitCode,
  programmeUnitCode: data.programmeUnitCode,
  ...(data.planDocumentNumber ? { planDocumentNumber: data.planDocumentNumber } : {}),
});

function evolve(state: RegistrationState, event: PilotModelRegistrationEvent): RegistrationState {
  switch (event.type) {
    case 'RegistrationSubmitted':
      return {
        status: 'submitted',
        ref: refOf(event.data),
        tools: event.data.tools,
        seatHeld: false,
        ...(event.data.enterpriseAccountId ? { enterpriseAccountId: event.data.enterpriseAccountId } : {}),
      };
    case 'RegistrationReviewStarted':
      return { ...state, status: 'under-review' };
    case 'RegistrationApproved':
      return { ...state, status: 'approved', seatHeld: true };
    case 'RegistrationRejected':
      return { ...state, status: 'rejected', reason: event.data.reason };
    case 'RegistrationImplementationStarted':
      return { ...state, status: 'in-implementation' };
    case 'RegistrationCompleted':
      return { ...state, status: 'completed', outcome: event.data.outcome };
    case 'RegistrationWithdrawn':
      return { ...state, status: 'withdrawn', reason: event.data.reason, seatHeld: false };
    default:
      return state;
  }
}

export const pilotModelRegistrationDecider: Decider<RegistrationCommand, PilotModelRegistrationEvent, RegistrationState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', tools: [], seatHeld: false }),
};
