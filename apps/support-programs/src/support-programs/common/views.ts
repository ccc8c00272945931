import { NotFound, RecordedEvent } from '@nangsuat/event-sourcing';
import { searchKey } from '@nangsuat/vietnamese';
import { EnterpriseGroup, EnterpriseSize, EnterpriseState, Funding, PilotModelRegistrationEvent, ProductivityTool, ProgrammeState, RegistrationOutcome, RegistrationStatus, seatsTaken } from '@nangsuat/contracts/support-programs';

/** What callers see of a programme: its terms, status and seats (taken of capacity). */
export interface ProgrammeView {
  readonly id: string;
  readonly unitCode: string;
  readonly status: 'open' | 'closed';
  readonly name: string;
  readonly legalBasis: readonly string[];
  readonly planDocumentNumber?: string;
  readonly funding: Funding;
  readonly eligibleGroups: readonly EnterpriseGroup[];
  readonly toolsOffered: readonly ProductivityTool[];
  readonly openingDate: string;
  readonly closingDate: string;
  readonly capacity: number;
  readonly seatsTaken: number;
  readonly seatsAvailable: number;
  readonly closedReason?: string;
  /** Stream version: the number of changes so far. */
  readonly version: number;
}

export function programmeView(state: ProgrammeState, version: number): ProgrammeView {
  if (state.status === 'none' || !state.terms || !state.programmeId || !state.unitCode) throw new NotFound('The support programme does not exist.');
  const taken = seatsTaken(state);
  return {
    id: state.programmeId,
    unitCode: state.unitCode,
    status: state.status,
    ...state.terms,
    seatsTaken: taken,
    seatsAvailable: Math.max(0, state.terms.capacity - taken),
    ...(state.closedReason ? { closedReason: state.closedReason } : {}),
    version,
  };
}

export interface EnterpriseView {
  readonly id: string;
  readonly taxCode: string;
  /** Identity-provider account (`enterprise_id` claim) whose users act for this enterprise. */
  readonly accountId?: string;
  readonly name: string;
  readonly unitCode: string;
  readonly sector: string;
  readonly size: EnterpriseSize;
  readonly group: EnterpriseGroup;
  readonly version: number;
}

export function enterpriseView(state: EnterpriseState, version: number): EnterpriseView {
  if (state.status !== 'registered' || !state.enterpriseId || !state.taxCode || !state.profile) throw new NotFound('The enterprise is not registered.');
  return {
    id: state.enterpriseId,
    taxCode: state.taxCode,
    ...(state.accountId ? { accountId: state.accountId } : {}),
    ...state.profile,
    version,
  };
}

/**
 * A registration as callers see it: everything its events said, folded (the domain state keeps only
 * what deciding needs). Used for GET /registrations/:id, command answers and the read model.
 */
export interface RegistrationView {
  readonly id: string;
  readonly programmeId: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly enterpriseAccountId?: string;
  readonly taxCode: string;
  readonly group: EnterpriseGroup;
  /** The enterprise's unit (pilot models count where the enterprise is). */
  readonly unitCode: string;
  readonly programmeUnitCode: string;
  readonly planDocumentNumber?: string;
  readonly tools: readonly ProductivityTool[];
  readonly description?: string;
  readonly status: Exclude<RegistrationStatus, 'none'>;
  readonly seatHeld: boolean;
  readonly reviewerId?: string;
  readonly note?: string;
  readonly reason?: string;
  readonly startedOn?: string;
  readonly outcome?: RegistrationOutcome;
  readonly submittedAt: string;
  readonly reviewStartedAt?: string;
  readonly approvedAt?: string;
  readonly rejectedAt?: string;
  readonly implementationStartedAt?: string;
  readonly completedAt?: string;
  readonly withdrawnAt?: string;
}

export type RegistrationViewState = RegistrationView | null;

function evolveRegistrationView(view: RegistrationViewState, event: PilotModelRegistrationEvent): RegistrationViewState {
  if (event.type === 'RegistrationSubmitted') {
    const d = event.data;
    return {
      id: d.registrationId,
      programmeId: d.programmeId,
      enterpriseId: d.enterpriseId,
      enterpriseName: d.enterpriseName,
      ...(d.enterpriseAccountId ? { enterpriseAccountId: d.enterpriseAccountId } : {}),
      taxCode: d.taxCode,
      group: d.group,
      unitCode: d.unitCode,
      programmeUnitCode: d.programmeUnitCode,
      ...(d.planDocumentNumber ? { planDocumentNumber: d.planDocumentNumber } : {}),
      tools: d.tools,
      ...(d.description ? { description: d.description } : {}),
      status: 'submitted',
      seatHeld: false,
      submittedAt: d.submittedAt,
    };
  }
  if (!view) return view;
  switch (event.type) {
    case 'RegistrationReviewStarted':
      return { ...view, status: 'under-review', reviewerId: event.data.reviewerId, reviewStartedAt: event.data.startedAt };
    case 'RegistrationApproved':
      return { ...view, status: 'approved', seatHeld: true, reviewerId: event.data.reviewerId, approvedAt: event.data.approvedAt, ...(event.data.note ? { note: event.data.note } : {}) };
    case 'RegistrationRejected':
      return { ...view, status: 'rejected', reviewerId: event.data.reviewerId, reason: event.data.reason, rejectedAt: event.data.rejectedAt };
    case 'RegistrationImplementationStarted':
      return { ...view, status: 'in-implementation', startedOn: event.data.startedOn, implementationStartedAt: event.data.startedAt };
    case 'RegistrationCompleted':
      return { ...view, status: 'completed', outcome: event.data.outcome, completedAt: event.data.completedAt };
    case 'RegistrationWithdrawn':
      return { ...view, status: 'withdrawn', seatHeld: false, reason: event.data.reason, withdrawnAt: event.data.withdrawnAt };
    default:
      return view;
  }
}

export const registrationViewDecider = {
  evolve: evolveRegistrationView,
  initialState: (): RegistrationViewState => null,
};

export function requireRegistrationView(view: RegistrationViewState): RegistrationView {
  if (!view) throw new NotFound('The pilot-model registration does not exist.');
  return view;
}

/** One entry of a record's history: what happened, who did it, for which unit, when and why. */
export interface HistoryEntry {
  /** The event's id: what the audit API (timelines, proofs, checkpoints) names it by. */
  readonly eventId: string;
  readonly version: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly username: string; readonly unit: string };
  readonly unit: string;
  readonly reason?: string;
  readonly correlationId: string;
  readonly data: unknown;
}

export function historyOf(events: readonly RecordedEvent[]): HistoryEntry[] {
  return events.map((e) => ({
    eventId: e.id,
    version: e.streamVersion,
    type: e.type,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    actor: { id: e.metadata.actor.id, username: e.metadata.actor.username, unit: e.metadata.actor.unit },
    unit: e.metadata.unit,
    ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    correlationId: e.metadata.correlationId,
    data: e.data,
  }));
}

export const searchKeyOf = (...parts: (string | undefined)[]): string => searchKey(parts.filter(Boolean).join(' '));
