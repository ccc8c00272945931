/**
 * Facts the other services publish, reduced to the plans domain's Contribution (progress.ts).
 * Pure: a table from event type to contribution, and the reasons for what is not counted or
 * cannot be mapped. docs/domain/plans.md, "Contributions and matching".
 */
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { isIsoDate, IsoDate, startOfVietnamDay, toVietnamDate } from '@nangsuat/vietnamese';
import { normalizeDocumentNumber } from '../plan/document-number';
import type { Contribution, ContributionKind } from '../plan/progress';

/**
 * The services whose events count, by the topic suffix `nangsuat.<service>.events`. (The plans
 * service's own topic carries the recorded achievements: mapAchievementToContribution.)
 */
export const SOURCE_SERVICES = ['support-programs', 'training', 'awards'] as const;
export type SourceService = (typeof SOURCE_SERVICES)[number];

/** The plan indicator each contribution kind counts for. */
export const INDICATOR_OF_KIND: Record<ContributionKind, string | undefined> = {
  'pilot-model-approved': 'pilot-model-enterprises',
  'pilot-model-completed': 'pilot-model-enterprises',
  'pilot-model-withdrawn': 'pilot-model-enterprises',
  'training-completed': 'trained-person-times',
  'expert-certified': 'certified-experts',
  'expert-certification-expired': 'certified-experts',
  'expert-certification-revoked': 'certified-experts',
  'award-decided': 'awards',
  'award-revoked': 'awards',
  'indicator-counted': undefined,
  'indicator-count-withdrawn': undefined,
};

/** A contribution as the `contributions` collection keeps it (`_id` = the source event id). */
export interface StoredContribution extends Contribution {
  readonly _id: string;
  /** Indicator key of the plan targets it counts for. */
  readonly indicator: string;
  /** The source service and event ('plans': a recorded achievement). */
  readonly sourceService: SourceService | 'plans';
  readonly eventType: string;
  readonly streamId: string;
  readonly globalPosition: number;
  /** When the source store committed it (late facts: recorded after a report was locked). */
  readonly recordedAt: string;
  /** Vietnam calendar day of occurredAt. */
  readonly occurredOn: IsoDate;
  /** The plan the fact names (canonical document number), when it names one. */
  readonly planDocumentNumber?: string;
  /** The unit that runs the programme or course, when it differs from `unit`. */
  readonly originUnit?: string;
  /** Who recorded the fact in the source service. */
  readonly actor?: { readonly username: string; readonly unit: string };
}

export type MappingResult =
  /** A fact that counts (or reverses a count). */
  | { readonly outcome: 'contribution'; readonly contribution: StoredContribution }
  /** A counted type whose content makes it not count (not awarded, withdrawn before approval). */
  | { readonly outcome: 'not-counted'; readonly reason: string }
  /** An event type that never counts (course scheduled, registration submitted…). */
  | { readonly outcome: 'irrelevant' }
  /** A counted type that cannot be mapped: dead-letter it with this reason. */
  | { readonly outcome: 'unmappable'; readonly reason: string };

/** Thrown by the consumer for an unmappable event, so that it reaches the dead-letter topic with the reason. */
export class UnmappableEvent extends Error {
  constructor(eventId: string, type: string, reason: string) {
    super(`Event ${eventId} (${type}) cannot be counted: ${reason}`);
  }
}

export function sourceServiceOfTopic(topic: string): SourceService | undefined {
  const m = /^[A-Za-z0-9_-]+\.(.+)\.events$/.exec(topic); // <prefix>.<service>.events (prefix nangsuat but in tests)
  return m && (SOURCE_SERVICES as readonly string[]).includes(m[1]) ? (m[1] as SourceService) : undefined;
}

interface Rule {
  readonly service: SourceService;
  readonly kind: ContributionKind | ((data: Data) => ContributionKind | { notCounted: string });
  /** Fields of `data` that must be non-empty strings. */
  readonly required: readonly string[];
  readonly subjectId: (data: Data) => unknown;
  readonly refId: (data: Data) => unknown;
  readonly validUntil?: (data: Data) => unknown;
  readonly originUnit?: (data: Data) => unknown;
  /** Domain time of the fact in the payload, preferred to the envelope's occurredAt. */
  readonly at?: (data: Data) => unknown;
}
type Data = Record<string, unknown>;

/**
 * The mapping table. Unit = where the fact counts: the enterprise's unit (pilot models), the
 * course's unit (person-times), the expert's unit, the nominee's unit.
 */
export const CONTRIBUTION_RULES: Readonly<Record<string, Rule>> = {
  RegistrationApproved: {
    service: 'support-programs',
    kind: 'pilot-model-approved',
    required: ['registrationId', 'enterpriseId', 'unitCode'],
    subjectId: (d) => d.enterpriseId,
    refId: (d) => d.registrationId,
    originUnit: (d) => d.programmeUnitCode,
    at: (d) => d.approvedAt,
  },
  RegistrationCompleted: {
    service: 'support-programs',
    kind: 'pilot-model-completed',
    required: ['registrationId', 'enterpriseId', 'unitCode'],
    subjectId: (d) => d.enterpriseId,
    refId: (d) => d.registrationId,
    originUnit: (d) => d.programmeUnitCode,
    at: (d) => d.completedAt,
  },
  RegistrationWithdrawn: {
    service: 'support-programs',
    // Only an approved (seat-holding) registration was counted; withdrawing it before completion undoes the count.
    kind: (d) => (d.seatHeld === true ? 'pilot-model-withdrawn' : { notCounted: 'withdrawn before approval: it was never counted' }),
    required: ['registrationId', 'enterpriseId', 'unitCode'],
    subjectId: (d) => d.enterpriseId,
    refId: (d) => d.registrationId,
    originUnit: (d) => d.programmeUnitCode,
    at: (d) => d.withdrawnAt,
  },
  TraineeCompleted: {
    service: 'training',
    kind: 'training-completed',
    required: ['courseId', 'personId', 'unitCode'],
    subjectId: (d) => d.personId,
    refId: (d) => d.courseId,
    at: (d) => d.completedAt,
  },
  CertificationGranted: {
    service: 'training',
    kind: 'expert-certified',
    required: ['certificationId', 'personId', 'unitCode'],
    subjectId: (d) => d.personId,
    refId: (d) => d.certificationId,
    validUntil: (d) => d.validTo,
    at: (d) => d.grantedAt,
  },
  // A renewal is a new grant of the same certification with a later validTo (it replaces the grant).
  CertificationRenewed: {
    service: 'training',
    kind: 'expert-certified',
    required: ['certificationId', 'personId', 'unitCode'],
    subjectId: (d) => d.personId,
    refId: (d) => d.certificationId,
    validUntil: (d) => d.validTo,
    at: (d) => d.renewedAt,
  },
  CertificationExpired: {
    service: 'training',
    kind: 'expert-certification-expired',
    required: ['certificationId', 'personId', 'unitCode'],
    subjectId: (d) => d.personId,
    refId: (d) => d.certificationId,
    at: (d) => d.expiredAt,
  },
  CertificationRevoked: {
    service: 'training',
    kind: 'expert-certification-revoked',
    required: ['certificationId', 'personId', 'unitCode'],
    subjectId: (d) => d.personId,
    refId: (d) => d.certificationId,
    at: (d) => d.revokedAt,
  },
  NominationDecided: {
    service: 'awards',
    kind: (d) =>
      d.outcome === 'awarded' ? 'award-decided'
      : d.outcome === 'not-awarded' ? { notCounted: 'not awarded' }
      : { notCounted: `unknown outcome "${String(d.outcome)}"` },
    required: ['nominationId', 'unitCode'],
    subjectId: (d) => d.enterpriseId ?? d.personId ?? d.nominationId,
    refId: (d) => d.nominationId,
    at: (d) => d.decidedAt,
  },
};

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function instantOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  if (isIsoDate(value)) return value;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

/**
 * Recorded achievements (apps/plans/src/achievements): a verification counts for the achievement's
 * own indicator (in its data, not fixed by the type); a withdrawal undoes it — from the day it was
 * said to be achieved (1 ms later, so that it sorts after the count it undoes), since a withdrawn
 * record is taken back, not ended. A withdrawal of an achievement never verified was never counted.
 */
export const ACHIEVEMENT_TYPES: readonly string[] = ['AchievementVerified', 'AchievementWithdrawn'];

/** Is this the plans service's own topic (`<prefix>.plans.events`)? */
export const isPlansTopic = (topic: string): boolean => /^[A-Za-z0-9_-]+\.plans\.events$/.test(topic);

/** Maps an event of the plans topic: a verified or withdrawn recorded achievement; anything else is irrelevant. */
export function mapAchievementToContribution(event: RecordedEvent, units: UnitTree = administrativeUnits): MappingResult {
  if (!ACHIEVEMENT_TYPES.includes(event.type)) return { outcome: 'irrelevant' };
  const data = (event.data ?? {}) as Data;
  const missing = ['achievementId', 'indicator', 'subjectId', 'unitCode', 'achievedOn'].filter((f) => !isText(data[f]));
  if (missing.length) return { outcome: 'unmappable', reason: `missing ${missing.join(', ')}` };
  const unit = String(data.unitCode);
  if (!units.has(unit)) return { outcome: 'unmappable', reason: `unknown administrative unit "${unit}"` };
  if (!isIsoDate(data.achievedOn)) return { outcome: 'unmappable', reason: `achievedOn "${String(data.achievedOn)}" is not a date (yyyy-mm-dd)` };
  const verified = event.type === 'AchievementVerified';
  if (!verified && data.wasVerified !== true) return { outcome: 'not-counted', reason: 'withdrawn before verification: it was never counted' };
  const day = startOfVietnamDay(data.achievedOn).getTime();
  const occurredAt = new Date(verified ? day : day + 1).toISOString();
  const contribution: StoredContribution = {
    _id: event.id,
    eventId: event.id,
    kind: verified ? 'indicator-counted' : 'indicator-count-withdrawn',
    indicator: String(data.indicator),
    unit,
    occurredAt,
    occurredOn: data.achievedOn,
    recordedAt: instantOf(event.recordedAt) ?? occurredAt,
    subjectId: String(data.subjectId),
    refId: String(data.achievementId),
    ...(typeof data.value === 'number' && Number.isFinite(data.value) ? { value: data.value } : {}),
    sourceService: 'plans',
    eventType: event.type,
    streamId: event.streamId,
    globalPosition: event.globalPosition,
    ...(event.metadata?.actor ? { actor: { username: event.metadata.actor.username, unit: event.metadata.actor.unit } } : {}),
  };
  return { outcome: 'contribution', contribution };
}

/** Maps one recorded event of `service`'s topic to a contribution, or says why not. */
export function mapEventToContribution(event: RecordedEvent, service: SourceService, units: UnitTree = administrativeUnits): MappingResult {
  const rule = CONTRIBUTION_RULES[event.type];
  if (!rule || rule.service !== service) return { outcome: 'irrelevant' };
  const data = (event.data ?? {}) as Data;
  if (typeof data !== 'object' || data === null) return { outcome: 'unmappable', reason: 'the event has no data' };
  const missing = rule.required.filter((f) => !isText(data[f]));
  if (missing.length) return { outcome: 'unmappable', reason: `missing ${missing.join(', ')}` };
  const unit = String(data.unitCode);
  if (!units.has(unit)) return { outcome: 'unmappable', reason: `unknown administrative unit "${unit}"` };
  const kind = typeof rule.kind === 'function' ? rule.kind(data) : rule.kind;
  if (typeof kind === 'object') return { outcome: 'not-counted', reason: kind.notCounted };
  const occurredAt = instantOf(rule.at?.(data)) ?? instantOf(event.occurredAt) ?? instantOf(event.recordedAt);
  if (!occurredAt) return { outcome: 'unmappable', reason: `no valid occurrence time (occurredAt "${String(event.occurredAt)}")` };
  const recordedAt = instantOf(event.recordedAt) ?? occurredAt;
  const subjectId = rule.subjectId(data);
  const refId = rule.refId(data);
  const validUntil = rule.validUntil?.(data);
  if (validUntil !== undefined && !isIsoDate(validUntil)) return { outcome: 'unmappable', reason: `validTo "${String(validUntil)}" is not a date (yyyy-mm-dd)` };
  const origin = rule.originUnit?.(data);
  let planDocumentNumber: string | undefined;
  if (isText(data.planDocumentNumber)) {
    try {
      planDocumentNumber = normalizeDocumentNumber(data.planDocumentNumber);
    } catch {
      planDocumentNumber = data.planDocumentNumber.trim().normalize('NFC');
    }
  }
  const contribution: StoredContribution = {
    _id: event.id,
    eventId: event.id,
    kind,
    indicator: INDICATOR_OF_KIND[kind] as string,
    unit,
    occurredAt,
    occurredOn: toVietnamDate(occurredAt),
    recordedAt,
    subjectId: String(subjectId),
    ...(isText(refId) ? { refId } : {}),
    ...(isText(validUntil) ? { validUntil } : {}),
    ...(planDocumentNumber ? { planDocumentNumber } : {}),
    ...(isText(origin) && origin !== unit && units.has(origin) ? { originUnit: origin } : {}),
    sourceService: service,
    eventType: event.type,
    streamId: event.streamId,
    globalPosition: event.globalPosition,
    ...(event.metadata?.actor ? { actor: { username: event.metadata.actor.username, unit: event.metadata.actor.unit } } : {}),
  };
  return { outcome: 'contribution', contribution };
}
