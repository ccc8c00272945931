import { Conflict, Decider, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { PLAN_DOCUMENT_NUMBER_PATTERN } from '@nangsuat/domain-values';
import {
  ENTERPRISE_GROUPS,
  EnterpriseGroup,
  FUNDING_SOURCES,
  Funding,
  PRODUCTIVITY_TOOLS,
  ProductivityTool,
  ProgrammeTermsData,
  SupportProgrammeEvent,
} from './events';
import {
  optionalText,
  requireId,
  requireInstant,
  requireInteger,
  requireIsoDate,
  requireSubsetOf,
  requireText,
  requireTextList,
  requireUnitCode,
} from './values';

/**
 * SupportProgramme decider — stream `support-programme-<programmeId>`.
 *
 * CAPACITY DESIGN (why seats live on the programme stream)
 * ---------------------------------------------------------
 * "Capacity holds under concurrent approvals" needs one place where every approval is serialised.
 * The programme stream is that place: approving a registration is a two-step process
 *
 *   1. ReserveSeat on the programme stream — decided against the programme state
 *      (seats taken < capacity, programme not closed, seat not already held by this
 *      registration) → SeatReserved. Appended with the expected version of the programme
 *      stream, so two approvals racing for the last seat cannot both succeed: the loser gets a
 *      VersionConflict, re-folds, re-decides and is then refused with Conflict "capacity full".
 *   2. ApproveRegistration on the registration stream → RegistrationApproved, carrying the
 *      programme version at which the seat was reserved.
 *
 * There are no multi-document transactions, so step 2 can fail after step 1 (crash, or the
 * registration was withdrawn meanwhile). The process is safe to retry: ReserveSeat for a
 * registration that already holds a seat is a no-op (returns no events), and a handler that
 * finds step 2 refused issues ReleaseSeat (compensation). A withdrawal of an approved or
 * in-implementation registration also releases its seat (RegistrationWithdrawn.seatHeld).
 * Completed registrations keep their seat; rejected ones never had one.
 *
 * States: (none) → open → closed. A closed programme refuses updates and new seats; registrations
 * already approved carry on to completion.
 */

export type ProgrammeStatus = 'none' | 'open' | 'closed';

export interface ProgrammeState {
  readonly status: ProgrammeStatus;
  readonly programmeId?: string;
  readonly unitCode?: string;
  readonly terms?: ProgrammeTermsData;
  /** registrationId → enterpriseId, for every seat currently held. */
  readonly seats: Readonly<Record<string, string>>;
  readonly closedReason?: string;
}

export interface CreateProgramme {
  readonly type: 'CreateProgramme';
  readonly programmeId: string;
  readonly unitCode: string;
  readonly name: string;
  readonly legalBasis: readonly string[];
  readonly planDocumentNumber?: string;
  readonly funding: Funding;
  readonly eligibleGroups: readonly EnterpriseGroup[];
  readonly toolsOffered: readonly ProductivityTool[];
  readonly openingDate: string;
  readonly closingDate: string;
  readonly capacity: number;
  readonly now: string;
}

export interface UpdateProgramme {
  readonly type: 'UpdateProgramme';
  readonly changes: Partial<ProgrammeTermsData>;
  readonly reason?: string;
  readonly now: string;
}

export interface CloseProgramme {
  readonly type: 'CloseProgramme';
  readonly reason: string;
  readonly now: string;
}

export interface ReserveSeat {
  readonly type: 'ReserveSeat';
  readonly registrationId: string;
  readonly enterpriseId: string;
  readonly now: string;
}

export interface ReleaseSeat {
  readonly type: 'ReleaseSeat';
  readonly registrationId: string;
  readonly reason: string;
  readonly now: string;
}

export type ProgrammeCommand = CreateProgramme | UpdateProgramme | CloseProgramme | ReserveSeat | ReleaseSeat;

/** What a registration needs to know about its programme (the handler passes it into SubmitRegistration). */
export interface ProgrammeSnapshot {
  readonly programmeId: string;
  readonly unitCode: string;
  readonly status: ProgrammeStatus;
  readonly planDocumentNumber?: string;
  readonly eligibleGroups: readonly EnterpriseGroup[];
  readonly toolsOffered: readonly ProductivityTool[];
  readonly openingDate: string;
  readonly closingDate: string;
}

export function programmeSnapshot(state: ProgrammeState): ProgrammeSnapshot {
  if (state.status === 'none' || !state.terms || !state.programmeId || !state.unitCode) {
    throw new NotFound('The support programme does not exist.');
  }
  const { planDocumentNumber, eligibleGroups, toolsOffered, openingDate, closingDate } = state.terms;
  return {
    programmeId: state.programmeId,
    unitCode: state.unitCode,
    status: state.status,
    ...(planDocumentNumber !== undefined ? { planDocumentNumber } : {}),
    eligibleGroups,
    toolsOffered,
    openingDate,
    closingDate,
  };
}

export const seatsTaken = (state: ProgrammeState): number => Object.keys(state.seats).length;

// A plan document number: number[/year]/kind-issuer, e.g. 4009/KH-UBND, 336/SKHCN-TĐC. Kept minimal
// here; apps/plans owns the full parser.

function requirePlanDocumentNumber(value: unknown): string {
  const text = typeof value === 'string' ? value.normalize('NFC').trim() : value;
  if (typeof text !== 'string' || !PLAN_DOCUMENT_NUMBER_PATTERN.test(text)) {
    throw new DomainRuleViolation(
      `planDocumentNumber must be a document number such as 4009/KH-UBND (got ${JSON.stringify(value)}).`,
      'invalid-document-number',
      { field: 'planDocumentNumber' },
    );
  }
  return text;
}

function requireFunding(value: unknown): Funding {
  if (typeof value !== 'object' || value === null) {
    throw new DomainRuleViolation('funding must state its sources (state-budget and/or other-lawful-sources).', 'invalid-value', {
      field: 'funding',
    });
  }
  const raw = value as Partial<Funding>;
  const sources = requireSubsetOf(raw.sources, FUNDING_SOURCES, 'funding.sources', 1);
  const amountVnd = raw.amountVnd === undefined ? undefined : requireInteger(raw.amountVnd, 'funding.amountVnd', 0);
  const note = optionalText(raw.note, 'funding.note');
  return { sources, ...(amountVnd !== undefined ? { amountVnd } : {}), ...(note !== undefined ? { note } : {}) };
}

function checkDates(openingDate: string, closingDate: string): void {
  if (closingDate < openingDate) {
    throw new DomainRuleViolation(`closingDate ${closingDate} is before openingDate ${openingDate}.`, 'invalid-date-range', {
      openingDate,
      closingDate,
    });
  }
}

/** Validates and normalises the fields present in `input`. */
function validateTerms(input: Partial<ProgrammeTermsData>): Partial<ProgrammeTermsData> {
  const out: { -readonly [K in keyof ProgrammeTermsData]?: ProgrammeTermsData[K] } = {};
  if ('name' in input) out.name = requireText(input.name, 'name', 300);
  if ('legalBasis' in input) out.legalBasis = requireTextList(input.legalBasis, 'legalBasis', { min: 1 });
  if ('planDocumentNumber' in input && input.planDocumentNumber !== undefined) {
    out.planDocumentNumber = requirePlanDocumentNumber(input.planDocumentNumber);
  }
  if ('funding' in input) out.funding = requireFunding(input.funding);
  if ('eligibleGroups' in input) out.eligibleGroups = requireSubsetOf(input.eligibleGroups, ENTERPRISE_GROUPS, 'eligibleGroups', 1);
  if ('toolsOffered' in input) out.toolsOffered = requireSubsetOf(input.toolsOffered, PRODUCTIVITY_TOOLS, 'toolsOffered', 1);
  if ('openingDate' in input) out.openingDate = requireIsoDate(input.openingDate, 'openingDate');
  if ('closingDate' in input) out.closingDate = requireIsoDate(input.closingDate, 'closingDate');
  if ('capacity' in input) out.capacity = requireInteger(input.capacity, 'capacity', 1);
  return out;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function requireExisting(state: ProgrammeState): asserts state is ProgrammeState & {
  programmeId: string;
  unitCode: string;
  terms: ProgrammeTermsData;
} {
  if (state.status === 'none') throw new NotFound('The support programme does not exist.');
}

function requireOpen(state: ProgrammeState, action: string): void {
  if (state.status === 'closed') {
    throw new DomainRuleViolation(`The programme is closed (${state.closedReason}); cannot ${action}.`, 'programme-closed');
  }
}

function decide(command: ProgrammeCommand, state: ProgrammeState): SupportProgrammeEvent[] {
  switch (command.type) {
    case 'CreateProgramme': {
      if (state.status !== 'none') throw new Conflict(`Support programme ${state.programmeId} already exists.`, 'already-exists');
      const programmeId = requireId(command.programmeId, 'programmeId');
      const unitCode = requireUnitCode(command.unitCode);
      const createdAt = requireInstant(command.now);
      const terms = validateTerms({
        name: command.name,
        legalBasis: command.legalBasis,
        planDocumentNumber: command.planDocumentNumber,
        funding: command.funding,
        eligibleGroups: command.eligibleGroups,
        toolsOffered: command.toolsOffered,
        openingDate: command.openingDate,
        closingDate: command.closingDate,
        capacity: command.capacity,
      }) as ProgrammeTermsData;
      checkDates(terms.openingDate, terms.closingDate);
      return [{ type: 'SupportProgrammeCreated', schemaVersion: 1, data: { programmeId, unitCode, ...terms, createdAt } }];
    }

    case 'UpdateProgramme': {
      requireExisting(state);
      requireOpen(state, 'update it');
      const updatedAt = requireInstant(command.now);
      if (typeof command.changes !== 'object' || command.changes === null) {
        throw new DomainRuleViolation('changes must list the fields to change.', 'invalid-value', { field: 'changes' });
      }
      const validated = validateTerms(command.changes);
      const changes = Object.fromEntries(
        Object.entries(validated).filter(([key, value]) => !sameValue(value, state.terms[key as keyof ProgrammeTermsData])),
      ) as Partial<ProgrammeTermsData>;
      if (Object.keys(changes).length === 0) return [];
      const next = { ...state.terms, ...changes };
      checkDates(next.openingDate, next.closingDate);
      if (next.capacity < seatsTaken(state)) {
        throw new DomainRuleViolation(
          `capacity ${next.capacity} is below the ${seatsTaken(state)} seats already reserved by approved registrations.`,
          'capacity-below-seats-taken',
          { capacity: next.capacity, seatsTaken: seatsTaken(state) },
        );
      }
      const reason = optionalText(command.reason, 'reason');
      return [
        {
          type: 'SupportProgrammeUpdated',
          schemaVersion: 1,
          data: { programmeId: state.programmeId, unitCode: state.unitCode, changes, ...(reason ? { reason } : {}), updatedAt },
        },
      ];
    }

    case 'CloseProgramme': {
      requireExisting(state);
      if (state.status === 'closed') throw new DomainRuleViolation('The programme is already closed.', 'programme-closed');
      const reason = requireText(command.reason, 'reason');
      const closedAt = requireInstant(command.now);
      return [{ type: 'SupportProgrammeClosed', schemaVersion: 1, data: { programmeId: state.programmeId, unitCode: state.unitCode, reason, closedAt } }];
    }

    case 'ReserveSeat': {
      requireExisting(state);
      const registrationId = requireText(command.registrationId, 'registrationId', 200);
      const enterpriseId = requireText(command.enterpriseId, 'enterpriseId', 200);
      const reservedAt = requireInstant(command.now);
      const holder = state.seats[registrationId];
      if (holder !== undefined) {
        if (holder !== enterpriseId) {
          throw new DomainRuleViolation(`The seat of registration ${registrationId} is held by another enterprise.`, 'seat-mismatch');
        }
        return []; // idempotent: a retried approval does not take a second seat
      }
      requireOpen(state, 'approve registrations');
      const taken = seatsTaken(state);
      if (taken >= state.terms.capacity) {
        throw new Conflict(
          `The programme is full: all ${state.terms.capacity} seats are taken by approved registrations.`,
          'capacity-full',
          { capacity: state.terms.capacity, seatsTaken: taken },
        );
      }
      return [
        {
          type: 'SeatReserved',
          schemaVersion: 1,
          data: {
            programmeId: state.programmeId,
            unitCode: state.unitCode,
            registrationId,
            enterpriseId,
            seatsTaken: taken + 1,
            capacity: state.terms.capacity,
            reservedAt,
          },
        },
      ];
    }

    case 'ReleaseSeat': {
      requireExisting(state);
      const registrationId = requireText(command.registrationId, 'registrationId', 200);
      const reason = requireText(command.reason, 'reason');
      const releasedAt = requireInstant(command.now);
      const enterpriseId = state.seats[registrationId];
      if (enterpriseId === undefined) return []; // idempotent: nothing held, nothing to release
      return [
        {
          type: 'SeatReleased',
          schemaVersion: 1,
          data: {
            programmeId: state.programmeId,
            unitCode: state.unitCode,
            registrationId,
            enterpriseId,
            reason,
            seatsTaken: seatsTaken(state) - 1,
            releasedAt,
          },
        },
      ];
    }
  }
}

function evolve(state: ProgrammeState, event: SupportProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'SupportProgrammeCreated': {
      const { programmeId, unitCode, createdAt: _createdAt, ...terms } = event.data;
      return { status: 'open', programmeId, unitCode, terms, seats: {} };
    }
    case 'SupportProgrammeUpdated':
      return state.terms ? { ...state, terms: { ...state.terms, ...event.data.changes } } : state;
    case 'SupportProgrammeClosed':
      return { ...state, status: 'closed', closedReason: event.data.reason };
    case 'SeatReserved':
      return { ...state, seats: { ...state.seats, [event.data.registrationId]: event.data.enterpriseId } };
    case 'SeatReleased': {
      const { [event.data.registrationId]: _released, ...seats } = state.seats;
      return { ...state, seats };
    }
    default:
      return state;
  }
}

export const supportProgrammeDecider: Decider<ProgrammeCommand, SupportProgrammeEvent, ProgrammeState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', seats: {} }),
};
