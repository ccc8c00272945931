import { ATTACHMENTS_STREAM_PREFIX, attachmentsDecider } from '@nangsuat/contracts/attachments';
import { Decider, DomainEvent } from '@nangsuat/event-sourcing';
import { AWARD_CATEGORY_STREAM_PREFIX, awardCategoryDecider, NOMINATION_STREAM_PREFIX, nominationDecider } from '@nangsuat/contracts/awards';
import { ACHIEVEMENT_STREAM_PREFIX, achievementDecider, catalogueDecider, DOCUMENT_NUMBER_STREAM_PREFIX, documentNumberRegistryDecider, INDICATOR_CATALOGUE_STREAM_PREFIX, ORGANISATION_STREAM_PREFIX, organisationDecider, PLAN_STREAM_PREFIX, planDecider, REPORTED_VALUES_STREAM_PREFIX, reportedValuesDecider, REPORTING_PERIOD_STREAM_PREFIX, reportingPeriodDecider } from '@nangsuat/contracts/plans';
import { CERTIFICATION_STREAM_PREFIX, COURSE_STREAM_PREFIX, courseDecider, expertCertificationDecider } from '@nangsuat/contracts/training';
import {
  ENTERPRISE_CLAIM_STREAM_PREFIX,
  ENTERPRISE_STREAM_PREFIX,
  enterpriseClaimDecider,
  enterpriseDecider,
  pilotModelRegistrationDecider,
  PROGRAMME_STREAM_PREFIX,
  REGISTRATION_STREAM_PREFIX,
  supportProgrammeDecider,
} from '@nangsuat/contracts/support-programs';

/** The part of a decider replay needs. */
export type Evolver = Pick<Decider<unknown, DomainEvent, unknown>, 'evolve' | 'initialState'>;

export interface StreamKind {
  /** Owning bounded context (and Kafka topic nangsuat.<context>.events). */
  readonly context: string;
  /** What the stream is, for people: "pilot-model registration". */
  readonly entity: string;
  /** Stream ids of this kind start with this prefix (docs/domain/<context>.md). */
  readonly prefix: string;
  readonly decider: Evolver;
}

const asEvolver = (d: Pick<Decider<any, any, any>, 'evolve' | 'initialState'>): Evolver => d as Evolver;

/**
 * Stream-id prefix → owning decider. The audit service rebuilds "state as of" with these, so the
 * state it shows is the state the owning service folds.
 */
export const STREAM_KINDS: readonly StreamKind[] = [
  { context: 'plans', entity: 'plan', prefix: PLAN_STREAM_PREFIX, decider: asEvolver(planDecider) },
  { context: 'plans', entity: 'reporting period', prefix: REPORTING_PERIOD_STREAM_PREFIX, decider: asEvolver(reportingPeriodDecider) },
  { context: 'plans', entity: 'reported statistics of a plan', prefix: REPORTED_VALUES_STREAM_PREFIX, decider: asEvolver(reportedValuesDecider) },
  { context: 'plans', entity: 'document number', prefix: DOCUMENT_NUMBER_STREAM_PREFIX, decider: asEvolver(documentNumberRegistryDecider) },
  { context: 'plans', entity: 'indicator catalogue', prefix: INDICATOR_CATALOGUE_STREAM_PREFIX, decider: asEvolver(catalogueDecider) },
  { context: 'plans', entity: 'recorded achievement', prefix: ACHIEVEMENT_STREAM_PREFIX, decider: asEvolver(achievementDecider) },
  { context: 'plans', entity: 'organisation', prefix: ORGANISATION_STREAM_PREFIX, decider: asEvolver(organisationDecider) },
  { context: 'awards', entity: 'award category', prefix: AWARD_CATEGORY_STREAM_PREFIX, decider: asEvolver(awardCategoryDecider) },
  { context: 'awards', entity: 'nomination', prefix: NOMINATION_STREAM_PREFIX, decider: asEvolver(nominationDecider) },
  { context: 'training', entity: 'course', prefix: COURSE_STREAM_PREFIX, decider: asEvolver(courseDecider) },
  { context: 'training', entity: 'expert certification', prefix: CERTIFICATION_STREAM_PREFIX, decider: asEvolver(expertCertificationDecider) },
  { context: 'support-programs', entity: 'support programme', prefix: PROGRAMME_STREAM_PREFIX, decider: asEvolver(supportProgrammeDecider) },
  { context: 'support-programs', entity: 'enterprise', prefix: ENTERPRISE_STREAM_PREFIX, decider: asEvolver(enterpriseDecider) },
  { context: 'support-programs', entity: 'pilot-model registration', prefix: REGISTRATION_STREAM_PREFIX, decider: asEvolver(pilotModelRegistrationDecider) },
  // Who claimed to act for an enterprise and who vouched for them (issue 13's onboarding).
  { context: 'support-programs', entity: 'enterprise claim', prefix: ENTERPRISE_CLAIM_STREAM_PREFIX, decider: asEvolver(enterpriseClaimDecider) },
  // Documents attached to a record: `attachments-<the record's stream id>` (libs/attachments).
  { context: 'plans', entity: 'documents of a plan', prefix: `${ATTACHMENTS_STREAM_PREFIX}${PLAN_STREAM_PREFIX}`, decider: asEvolver(attachmentsDecider) },
  { context: 'support-programs', entity: 'documents of a pilot-model registration', prefix: `${ATTACHMENTS_STREAM_PREFIX}${REGISTRATION_STREAM_PREFIX}`, decider: asEvolver(attachmentsDecider) },
  { context: 'training', entity: 'documents of an expert certification', prefix: `${ATTACHMENTS_STREAM_PREFIX}${CERTIFICATION_STREAM_PREFIX}`, decider: asEvolver(attachmentsDecider) },
  { context: 'awards', entity: 'documents of a nomination (its award decision)', prefix: `${ATTACHMENTS_STREAM_PREFIX}${NOMINATION_STREAM_PREFIX}`, decider: asEvolver(attachmentsDecider) },
];

export class DeciderRegistry {
  private readonly kinds: StreamKind[];

  constructor(kinds: readonly StreamKind[] = STREAM_KINDS) {
    // Longest prefix first, so "pilot-model-registration-" wins over a shorter prefix it starts with.
    this.kinds = [...kinds].sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The kind of stream an id belongs to, optionally restricted to the context that published it. */
  find(streamId: string, context?: string): StreamKind | undefined {
    return this.kinds.find((k) => streamId.startsWith(k.prefix) && (context === undefined || k.context === context));
  }

  all(): readonly StreamKind[] {
    return this.kinds;
  }
}
