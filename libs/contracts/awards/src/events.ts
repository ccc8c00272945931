import { DomainEvent } from '@nangsuat/event-sourcing';

/**
 * Events of the awards bounded context — the contract for consumers (plans progress projection,
 * audit service). Pure types and constants. Every event is emitted with `schemaVersion: 1`.
 *
 * Counting: awards = NominationDecided with outcome 'awarded', by `unitCode`, `categoryId` and
 * `nomineeKind` (organisation / individual / enterprise; `enterpriseId` / `personId` when known).
 */

export const NOMINEE_KINDS = ['organisation', 'individual', 'enterprise'] as const;
export type NomineeKind = (typeof NOMINEE_KINDS)[number];

export const NOMINATOR_KINDS = ['officer', 'cooperative-alliance', 'enterprise-association'] as const;
export type NominatorKind = (typeof NOMINATOR_KINDS)[number];

export const AWARD_OUTCOMES = ['awarded', 'not-awarded'] as const;
export type AwardOutcome = (typeof AWARD_OUTCOMES)[number];

// ───────────────────────────── stream ids ─────────────────────────────

export const AWARD_CATEGORY_STREAM_PREFIX = 'award-category-';
export const NOMINATION_STREAM_PREFIX = 'nomination-';
export const awardCategoryStreamId = (categoryId: string): string => `${AWARD_CATEGORY_STREAM_PREFIX}${categoryId}`;
export const nominationStreamId = (nominationId: string): string => `${NOMINATION_STREAM_PREFIX}${nominationId}`;

// ───────────────────────────── award category ─────────────────────────────

export interface AwardPeriod {
  /** Calendar dates (Vietnam), inclusive: nominations are accepted within. */
  readonly from: string;
  readonly to: string;
}

export type AwardCategoryCreated = DomainEvent<
  'AwardCategoryCreated',
  {
    readonly categoryId: string;
    readonly unitCode: string;
    readonly name: string;
    readonly description?: string;
    readonly eligibleNomineeKinds: readonly NomineeKind[];
    readonly period: AwardPeriod;
    readonly createdAt: string;
  }
>;

export type AwardCategoryEvent = AwardCategoryCreated;

// ───────────────────────────── nomination ─────────────────────────────

export interface Nominee {
  readonly kind: NomineeKind;
  readonly name: string;
  /** For an enterprise nominee registered in support-programs (`mst-<tax code>`). */
  readonly enterpriseId?: string;
  /** For an individual: a pseudonymous person id (as in training). */
  readonly personId?: string;
}

export interface Nominator {
  readonly kind: NominatorKind;
  readonly name: string;
}

/** Ids every nomination event carries. */
export interface NominationRef {
  readonly nominationId: string;
  readonly categoryId: string;
  /** The unit the nomination belongs to (the nominee's unit). */
  readonly unitCode: string;
  readonly nomineeKind: NomineeKind;
  readonly nomineeName: string;
  readonly enterpriseId?: string;
  readonly personId?: string;
}

export type NominationSubmitted = DomainEvent<
  'NominationSubmitted',
  NominationRef & { readonly nominatedBy: Nominator; readonly achievements: readonly string[]; readonly submittedAt: string }
>;
export type NominationEvaluationStarted = DomainEvent<
  'NominationEvaluationStarted',
  NominationRef & { readonly councilMemberIds: readonly string[]; readonly startedAt: string }
>;
export type NominationEvaluated = DomainEvent<
  'NominationEvaluated',
  NominationRef & { readonly memberId: string; readonly score: number; readonly comment: string; readonly evaluatedAt: string }
>;
/** The council's decision, with its decision document — the event the plans progress counts. */
export type NominationDecided = DomainEvent<
  'NominationDecided',
  NominationRef & {
    readonly outcome: AwardOutcome;
    readonly decisionDocumentNumber: string;
    readonly decisionDate: string;
    readonly decidedBy: string;
    /** Mean of the council's scores, rounded to 2 decimals. */
    readonly averageScore: number;
    readonly evaluationCount: number;
    readonly decidedAt: string;
  }
>;
export type NominationClosed = DomainEvent<'NominationClosed', NominationRef & { readonly closedAt: string }>;
export type NominationWithdrawn = DomainEvent<'NominationWithdrawn', NominationRef & { readonly reason: string; readonly withdrawnAt: string }>;

export type NominationEvent =
  | NominationSubmitted
  | NominationEvaluationStarted
  | NominationEvaluated
  | NominationDecided
  | NominationClosed
  | NominationWithdrawn;

/** Everything this context publishes. */
export type AwardsEvent = AwardCategoryEvent | NominationEvent;
export type AwardsEventType = AwardsEvent['type'];

export const AWARDS_EVENT_TYPES = [
  'AwardCategoryCreated',
  'NominationSubmitted',
  'NominationEvaluationStarted',
  'NominationEvaluated',
  'NominationDecided',
  'NominationClosed',
  'NominationWithdrawn',
] as const satisfies readonly AwardsEventType[];

export const COUNTED_EVENT_TYPES = ['NominationDecided'] as const satisfies readonly AwardsEventType[];
