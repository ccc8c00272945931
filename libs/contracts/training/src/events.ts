import { DomainEvent } from '@nangsuat/event-sourcing';

/**
 * Events of the training bounded context — the contract for consumers (the plans progress
 * projection, the audit service). Pure types and constants.
 *
 * Counting rules for plan targets:
 *  - person-times trained (lượt người): one TraineeCompleted per (courseId, personId) — the course
 *    decider never emits a second one for the same person on the same course, so a projection
 *    counts events (or distinct (courseId, personId) pairs, for safety under redelivery), grouped by
 *    the course's `unitCode`. One person on two courses counts twice.
 *  - productivity experts certified: distinct `personId` whose last certification event is
 *    CertificationGranted / CertificationRenewed (not Expired / Revoked), by `unitCode`.
 *
 * Every event is emitted with `schemaVersion: 1`.
 */

export const ORGANISATION_TYPES = ['department', 'enterprise', 'university', 'college', 'vocational-school', 'cooperative'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

// ───────────────────────────── stream ids ─────────────────────────────

export const COURSE_STREAM_PREFIX = 'course-';
export const CERTIFICATION_STREAM_PREFIX = 'expert-certification-';
export const courseStreamId = (courseId: string): string => `${COURSE_STREAM_PREFIX}${courseId}`;
export const certificationStreamId = (certificationId: string): string => `${CERTIFICATION_STREAM_PREFIX}${certificationId}`;

// ───────────────────────────── course ─────────────────────────────

export interface CourseSession {
  readonly sessionId: string;
  /** Calendar date of the session, within the course dates. */
  readonly date: string;
}

export interface Trainee {
  /** A pseudonymous id: a hash of the national id, or a generated id — never the raw citizen id number. */
  readonly personId: string;
  readonly fullName: string;
  readonly organisationType: OrganisationType;
  readonly organisationName: string;
}

/** Ids every course event carries. */
export interface CourseRef {
  readonly courseId: string;
  /** The unit that runs the course: person-times count here. */
  readonly unitCode: string;
}

export type CourseScheduled = DomainEvent<
  'CourseScheduled',
  CourseRef & {
    readonly topic: string;
    readonly startDate: string;
    readonly endDate: string;
    readonly capacity: number;
    readonly trainerId: string;
    readonly sessions: readonly CourseSession[];
    /** Sessions a trainee must attend to complete. */
    readonly minAttendedSessions: number;
    readonly planDocumentNumber?: string;
    readonly scheduledAt: string;
  }
>;
export type TraineeRegistered = DomainEvent<'TraineeRegistered', CourseRef & Trainee & { readonly registeredAt: string }>;
export type TraineeWaitlisted = DomainEvent<
  'TraineeWaitlisted',
  CourseRef & Trainee & { /** 1-based place in the waiting list. */ readonly position: number; readonly waitlistedAt: string }
>;
export type TraineePromotedFromWaitlist = DomainEvent<
  'TraineePromotedFromWaitlist',
  CourseRef & { readonly personId: string; /** Whose cancellation freed the seat. */ readonly freedBy: string; readonly promotedAt: string }
>;
export type RegistrationCancelled = DomainEvent<
  'RegistrationCancelled',
  CourseRef & { readonly personId: string; readonly wasWaitlisted: boolean; readonly reason?: string; readonly cancelledAt: string }
>;
export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  CourseRef & { readonly sessionId: string; readonly personId: string; readonly recordedAt: string }
>;
/** A person completed a course: one person-time (lượt người). The event the plans progress counts. */
export type TraineeCompleted = DomainEvent<
  'TraineeCompleted',
  CourseRef & {
    readonly personId: string;
    readonly organisationType: OrganisationType;
    readonly organisationName: string;
    readonly topic: string;
    readonly planDocumentNumber?: string;
    readonly sessionsAttended: number;
    readonly completedAt: string;
  }
>;
export type CourseCancelled = DomainEvent<'CourseCancelled', CourseRef & { readonly reason: string; readonly cancelledAt: string }>;

export type CourseEvent =
  | CourseScheduled
  | TraineeRegistered
  | TraineeWaitlisted
  | TraineePromotedFromWaitlist
  | RegistrationCancelled
  | AttendanceRecorded
  | TraineeCompleted
  | CourseCancelled;

// ───────────────────────────── expert certification ─────────────────────────────

export interface EvidenceDocument {
  /** A code from the standard's evidence types (data, see certification-standard.ts). */
  readonly type: string;
  readonly title: string;
  /** Where it can be found: a document number, a file id, a URL. */
  readonly reference: string;
}

export interface CriterionScore {
  readonly criterionCode: string;
  readonly score: number;
  readonly comment?: string;
}

/** The requirements of the level applied for, as they stood in the standard at application time. */
export interface LevelRequirements {
  readonly levelName: string;
  readonly requiredEvidenceTypes: readonly string[];
  readonly renewalEvidenceTypes: readonly string[];
  readonly criteria: readonly { readonly code: string; readonly maxScore: number; readonly passScore: number }[];
  readonly minTotalScore: number;
  readonly validityYears: number;
}

export interface CertificationRef {
  readonly certificationId: string;
  readonly personId: string;
  /** The unit the expert is counted under. */
  readonly unitCode: string;
  readonly standardCode: string;
  readonly standardVersion: string;
  readonly levelCode: string;
}

export type CertificationApplied = DomainEvent<
  'CertificationApplied',
  CertificationRef & {
    readonly fullName: string;
    readonly organisationName?: string;
    readonly evidence: readonly EvidenceDocument[];
    readonly requirements: LevelRequirements;
    readonly appliedAt: string;
  }
>;
export type CertificationAssessed = DomainEvent<
  'CertificationAssessed',
  CertificationRef & {
    readonly assessorId: string;
    readonly scores: readonly CriterionScore[];
    readonly totalScore: number;
    readonly result: 'passed' | 'failed';
    /** Criteria below their pass score (empty when passed on every criterion). */
    readonly failedCriteria: readonly string[];
    readonly assessedAt: string;
  }
>;
export type CertificationGranted = DomainEvent<
  'CertificationGranted',
  CertificationRef & {
    readonly certificateNumber: string;
    readonly validFrom: string;
    readonly validTo: string;
    readonly grantedBy: string;
    readonly grantedAt: string;
  }
>;
export type CertificationRenewed = DomainEvent<
  'CertificationRenewed',
  CertificationRef & {
    readonly certificateNumber: string;
    readonly previousValidTo: string;
    readonly validTo: string;
    readonly evidence: readonly EvidenceDocument[];
    readonly renewedAt: string;
  }
>;
export type CertificationExpired = DomainEvent<
  'CertificationExpired',
  CertificationRef & { readonly certificateNumber: string; /** Last day of validity. */ readonly validTo: string; readonly expiredAt: string }
>;
export type CertificationRevoked = DomainEvent<
  'CertificationRevoked',
  CertificationRef & { readonly certificateNumber: string; readonly reason: string; readonly revokedBy: string; readonly revokedAt: string }
>;

export type ExpertCertificationEvent =
  | CertificationApplied
  | CertificationAssessed
  | CertificationGranted
  | CertificationRenewed
  | CertificationExpired
  | CertificationRevoked;

/** Everything this context publishes. */
export type TrainingEvent = CourseEvent | ExpertCertificationEvent;
export type TrainingEventType = TrainingEvent['type'];

export const TRAINING_EVENT_TYPES = [
  'CourseScheduled',
  'TraineeRegistered',
  'TraineeWaitlisted',
  'TraineePromotedFromWaitlist',
  'RegistrationCancelled',
  'AttendanceRecorded',
  'TraineeCompleted',
  'CourseCancelled',
  'CertificationApplied',
  'CertificationAssessed',
  'CertificationGranted',
  'CertificationRenewed',
  'CertificationExpired',
  'CertificationRevoked',
] as const satisfies readonly TrainingEventType[];

/** The events the plans progress projection counts. */
export const COUNTED_EVENT_TYPES = [
  'TraineeCompleted',
  'CertificationGranted',
  'CertificationRenewed',
  'CertificationExpired',
  'CertificationRevoked',
] as const satisfies readonly TrainingEventType[];
