/**
 * What the notifications service remembers of other contexts' records, from their events: enough
 * to address a notice (whose registration, which unit) and to know when a reminder is due.
 */
export interface TrackedPeriod {
  readonly _id: string; // periodId
  readonly planId: string;
  readonly unit: string;
  readonly year: number;
  readonly dueDate: string; // yyyy-mm-dd
  readonly status: 'open' | 'submitted' | 'approved' | 'returned';
}

export interface TrackedRegistration {
  readonly _id: string; // registrationId
  readonly enterpriseName: string;
  readonly enterpriseAccountId?: string;
  readonly unitCode: string;
  readonly programmeUnitCode: string;
  readonly submittedOn: string; // Vietnam date yyyy-mm-dd
  readonly status: 'submitted' | 'under-review' | 'decided';
}

export interface TrackedCertification {
  readonly _id: string; // certificationId
  readonly unitCode: string;
  readonly certificateNumber: string;
  readonly validTo: string; // yyyy-mm-dd
  readonly status: 'valid' | 'ended';
}

export interface TrackedNomination {
  readonly _id: string; // nominationId
  readonly unitCode: string;
  readonly nomineeName: string;
  readonly councilMemberIds: readonly string[];
  readonly evaluatedBy: readonly string[];
  /** Vietnam day the council's evaluation started. */
  readonly startedOn: string;
  readonly status: 'evaluating' | 'decided';
}
