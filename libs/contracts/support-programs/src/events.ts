import { DomainEvent } from '@nangsuat/event-sourcing';

/**
 * Events of the support-programs bounded context — the contract for consumers (the plans progress
 * projection, the audit service). Pure types and constants; no behaviour.
 *
 * Every event's data carries the administrative unit code (`unitCode`) and the ids a counter
 * needs. Counting rule for plan targets "enterprises with pilot models": count distinct
 * `enterpriseId` over RegistrationCompleted (or RegistrationApproved for "started" models),
 * grouped by `unitCode` (the enterprise's unit) and rolled up the unit tree.
 *
 * Versioning: every event is emitted with `schemaVersion: 1`. A change of shape gets a new version
 * and an upcaster; old events stay readable.
 */

export const ENTERPRISE_GROUPS = ['sme', 'cooperative', 'startup', 'st-enterprise', 'ocop-producer'] as const;
export type EnterpriseGroup = (typeof ENTERPRISE_GROUPS)[number];

export const PRODUCTIVITY_TOOLS = [
  '5s',
  'kaizen',
  'lean',
  'iso-9001',
  'iso-56000',
  'green-productivity',
  'gap-organic',
  'traceability',
  'digital-transformation',
] as const;
export type ProductivityTool = (typeof PRODUCTIVITY_TOOLS)[number];

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const FUNDING_SOURCES = ['state-budget', 'other-lawful-sources'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export interface Funding {
  readonly sources: readonly FundingSource[];
  /** Total budget in VND, when known. */
  readonly amountVnd?: number;
  readonly note?: string;
}

// ───────────────────────────── stream ids ─────────────────────────────

export const PROGRAMME_STREAM_PREFIX = 'support-programme-';
export const ENTERPRISE_STREAM_PREFIX = 'enterprise-';
export const REGISTRATION_STREAM_PREFIX = 'pilot-model-registration-';

export const programmeStreamId = (programmeId: string): string => `${PROGRAMME_STREAM_PREFIX}${programmeId}`;
export const enterpriseStreamId = (enterpriseId: string): string => `${ENTERPRISE_STREAM_PREFIX}${enterpriseId}`;
/** Enterprise streams proper (ids are always `mst-…`); `enterprise-account-…` streams are the account links. */
export const ENTERPRISE_RECORD_STREAM_PREFIX = `${ENTERPRISE_STREAM_PREFIX}mst-`;
export const ENTERPRISE_ACCOUNT_STREAM_PREFIX = `${ENTERPRISE_STREAM_PREFIX}account-`;
export const enterpriseAccountStreamId = (accountId: string): string => `${ENTERPRISE_ACCOUNT_STREAM_PREFIX}${accountId}`;
/** Deterministic: one registration per (programme, enterprise) — a second one finds the stream taken. */
export const registrationIdFor = (programmeId: string, enterpriseId: string): string => `${programmeId}:${enterpriseId}`;
export const registrationStreamId = (programmeId: string, enterpriseId: string): string =>
  `${REGISTRATION_STREAM_PREFIX}${registrationIdFor(programmeId, enterpriseId)}`;
/** Deterministic enterprise id from the tax code, so one tax code is one enterprise. */
export const enterpriseIdForTaxCode = (canonicalTaxCode: string): string => `mst-${canonicalTaxCode}`;

// ───────────────────────────── programme ─────────────────────────────

export interface ProgrammeTermsData {
  readonly name: string;
  /** Legal documents the programme rests on, e.g. "Quyết định 1322/QĐ-TTg". */
  readonly legalBasis: readonly string[];
  /** Document number of the plan the programme serves, e.g. "4009/KH-UBND", when known. */
  readonly planDocumentNumber?: string;
  readonly funding: Funding;
  readonly eligibleGroups: readonly EnterpriseGroup[];
  readonly toolsOffered: readonly ProductivityTool[];
  /** Calendar dates (Vietnam), inclusive. */
  readonly openingDate: string;
  readonly closingDate: string;
  /** Number of pilot models (approved registrations) the programme can support. */
  readonly capacity: number;
}

export type SupportProgrammeCreated = DomainEvent<
  'SupportProgrammeCreated',
  ProgrammeTermsData & { readonly programmeId: string; readonly unitCode: string; readonly createdAt: string }
>;
export type SupportProgrammeUpdated = DomainEvent<
  'SupportProgrammeUpdated',
  {
    readonly programmeId: string;
    readonly unitCode: string;
    /** Only the fields that changed, with their new values. */
    readonly changes: Partial<ProgrammeTermsData>;
    readonly reason?: string;
    readonly updatedAt: string;
  }
>;
export type SupportProgrammeClosed = DomainEvent<
  'SupportProgrammeClosed',
  { readonly programmeId: string; readonly unitCode: string; readonly reason: string; readonly closedAt: string }
>;
export type SeatReserved = DomainEvent<
  'SeatReserved',
  {
    readonly programmeId: string;
    readonly unitCode: string;
    readonly registrationId: string;
    readonly enterpriseId: string;
    /** Seats taken after this reservation, and the capacity it was checked against. */
    readonly seatsTaken: number;
    readonly capacity: number;
    readonly reservedAt: string;
  }
>;
export type SeatReleased = DomainEvent<
  'SeatReleased',
  {
    readonly programmeId: string;
    readonly unitCode: string;
    readonly registrationId: string;
    readonly enterpriseId: string;
    readonly reason: string;
    readonly seatsTaken: number;
    readonly releasedAt: string;
  }
>;

export type SupportProgrammeEvent = SupportProgrammeCreated | SupportProgrammeUpdated | SupportProgrammeClosed | SeatReserved | SeatReleased;

// ───────────────────────────── enterprise ─────────────────────────────

export interface EnterpriseProfileData {
  readonly name: string;
  readonly unitCode: string;
  readonly sector: string;
  readonly size: EnterpriseSize;
  readonly group: EnterpriseGroup;
}

export type EnterpriseRegistered = DomainEvent<
  'EnterpriseRegistered',
  EnterpriseProfileData & {
    readonly enterpriseId: string;
    readonly taxCode: string;
    /**
     * The enterprise's user account id in the identity provider (the `enterprise_id` claim of its
     * users' tokens, e.g. `DN-51-0001`), when it has one. Enterprise users act on the enterprise
     * whose accountId equals their claim. Absent on events written before it existed.
     */
    readonly accountId?: string;
    readonly registeredAt: string;
  }
>;
export type EnterpriseProfileUpdated = DomainEvent<
  'EnterpriseProfileUpdated',
  {
    readonly enterpriseId: string;
    /** Unit the enterprise belongs to after the change. */
    readonly unitCode: string;
    readonly changes: Partial<EnterpriseProfileData>;
    readonly updatedAt: string;
  }
>;

/** Stream `enterprise-account-<accountId>`: which enterprise an identity-provider account acts for (one each). */
export type EnterpriseAccountLinked = DomainEvent<
  'EnterpriseAccountLinked',
  { readonly accountId: string; readonly enterpriseId: string; readonly unitCode: string; readonly linkedAt: string }
>;

export type EnterpriseEvent = EnterpriseRegistered | EnterpriseProfileUpdated;

// ───────────────────────────── pilot-model registration ─────────────────────────────

/** Ids and units every registration event carries, for counting and access checks. */
export interface RegistrationRef {
  readonly registrationId: string;
  readonly programmeId: string;
  readonly enterpriseId: string;
  /** The enterprise's administrative unit: pilot models count where the enterprise is. */
  readonly unitCode: string;
  /** The unit that runs the programme. */
  readonly programmeUnitCode: string;
  readonly planDocumentNumber?: string;
}

export interface EvidenceItem {
  readonly title: string;
  /** Where it can be found: a document number, a file id, a URL. */
  readonly reference: string;
}

export interface RegistrationOutcome {
  /** Labour-productivity gain in percent; ≥ 0. */
  readonly productivityGainPercent: number;
  /** Certificates obtained (e.g. "ISO 9001:2015"); may be empty. */
  readonly certificatesObtained: readonly string[];
  readonly evidence: readonly EvidenceItem[];
}

export type RegistrationSubmitted = DomainEvent<
  'RegistrationSubmitted',
  RegistrationRef & {
    readonly taxCode: string;
    readonly enterpriseName: string;
    /** The enterprise's account id (EnterpriseRegistered.accountId), for enterprise users' access. */
    readonly enterpriseAccountId?: string;
    readonly group: EnterpriseGroup;
    readonly tools: readonly ProductivityTool[];
    readonly description?: string;
    readonly submittedAt: string;
  }
>;
export type RegistrationReviewStarted = DomainEvent<
  'RegistrationReviewStarted',
  RegistrationRef & { readonly reviewerId: string; readonly startedAt: string }
>;
export type RegistrationApproved = DomainEvent<
  'RegistrationApproved',
  RegistrationRef & {
    readonly reviewerId: string;
    readonly tools: readonly ProductivityTool[];
    /** Version of the programme stream at which the seat was reserved (the SeatReserved event). */
    readonly seatReservedAtProgrammeVersion: number;
    readonly note?: string;
    readonly approvedAt: string;
  }
>;
export type RegistrationRejected = DomainEvent<
  'RegistrationRejected',
  RegistrationRef & { readonly reviewerId: string; readonly reason: string; readonly rejectedAt: string }
>;
export type RegistrationImplementationStarted = DomainEvent<
  'RegistrationImplementationStarted',
  RegistrationRef & { readonly startedOn: string; readonly startedAt: string }
>;
/** The pilot model is done: the event the plans progress projection counts. */
export type RegistrationCompleted = DomainEvent<
  'RegistrationCompleted',
  RegistrationRef & { readonly tools: readonly ProductivityTool[]; readonly outcome: RegistrationOutcome; readonly completedAt: string }
>;
export type RegistrationWithdrawn = DomainEvent<
  'RegistrationWithdrawn',
  RegistrationRef & {
    readonly reason: string;
    /** True when a seat had been reserved for it: the handler then releases it on the programme. */
    readonly seatHeld: boolean;
    readonly withdrawnAt: string;
  }
>;

export type PilotModelRegistrationEvent =
  | RegistrationSubmitted
  | RegistrationReviewStarted
  | RegistrationApproved
  | RegistrationRejected
  | RegistrationImplementationStarted
  | RegistrationCompleted
  | RegistrationWithdrawn;

/** Everything this context publishes. */
export type SupportProgramsEvent = SupportProgrammeEvent | EnterpriseEvent | EnterpriseAccountLinked | PilotModelRegistrationEvent;
export type SupportProgramsEventType = SupportProgramsEvent['type'];

export const SUPPORT_PROGRAMS_EVENT_TYPES = [
  'SupportProgrammeCreated',
  'SupportProgrammeUpdated',
  'SupportProgrammeClosed',
  'SeatReserved',
  'SeatReleased',
  'EnterpriseRegistered',
  'EnterpriseProfileUpdated',
  'EnterpriseAccountLinked',
  'RegistrationSubmitted',
  'RegistrationReviewStarted',
  'RegistrationApproved',
  'RegistrationRejected',
  'RegistrationImplementationStarted',
  'RegistrationCompleted',
  'RegistrationWithdrawn',
] as const satisfies readonly SupportProgramsEventType[];

/** The events the plans progress projection counts. */
export const COUNTED_EVENT_TYPES = ['RegistrationApproved', 'RegistrationCompleted', 'RegistrationWithdrawn'] as const;
