/**
 * Recorded achievements (thành tích ghi nhận): a fact for an indicator no service produces — a
 * productivity club founded at a college, an S&T task ordered or accepted, a hospital or school
 * applying a tool, an enterprise supported in green productivity. One stream per achievement,
 * `achievement-<achievementId>`:
 *
 *   recorded ──verify──▶ verified ──withdraw──▶ withdrawn
 *      │  └──refuse──▶ refused
 *      └──withdraw──▶ withdrawn
 *
 * - An officer records it naming the organisation (registry), the date, a description and the
 *   evidence; the indicator must be a catalogue entry fed by recorded achievements, in force on
 *   that date and applying at the organisation's level.
 * - The unit above verifies it or refuses it with a reason: an officer of a unit strictly containing
 *   the achievement's unit — for a province's own organisations, the province's People's Committee
 *   office (province-admin) — and never the person who recorded it.
 * - Only verified achievements count (AchievementVerified is the fact the progress consumer maps
 *   to `indicator-counted`). Withdrawal, with a reason, takes the record back: it no longer counts,
 *   from the day it was said to be achieved. Pure.
 */
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { Decider, DomainEvent, DomainRuleViolation, Forbidden } from '@nangsuat/event-sourcing';
import { formatDate, IsoDate, isIsoDate, nfc } from '@nangsuat/vietnamese';
import { inForceOn, IndicatorEntry } from '../indicators/indicator';
import type { OrganisationDetails } from './organisation';

export const ACHIEVEMENT_STREAM_PREFIX = 'achievement-';
export const achievementStreamId = (id: string): string => `${ACHIEVEMENT_STREAM_PREFIX}${id}`;

export interface Person {
  readonly username: string;
  readonly unit: string;
  readonly roles?: readonly string[];
}

export interface RecordAchievement {
  readonly type: 'RecordAchievement';
  readonly achievementId: string;
  /** The catalogue entry (loaded by the handler; undefined when the code is unknown). */
  readonly indicatorCode: string;
  readonly indicator?: IndicatorEntry;
  readonly organisationId: string;
  readonly organisation?: OrganisationDetails;
  /** What is counted, when it is not the organisation: the task's decision number for an S&T task. */
  readonly subjectRef?: string;
  readonly achievedOn: IsoDate;
  readonly description: string;
  /** Where the evidence is: a decision number, a file reference, a link. */
  readonly evidence: string;
  /** For sum-of-values and latest-value indicators. */
  readonly value?: number;
  readonly recordedBy: Person;
  readonly today: IsoDate;
}
export interface VerifyAchievement {
  readonly type: 'VerifyAchievement';
  readonly achievementId: string;
  readonly by: Person;
  readonly note?: string;
  readonly at: string;
}
export interface RefuseAchievement {
  readonly type: 'RefuseAchievement';
  readonly achievementId: string;
  readonly by: Person;
  readonly reason: string;
  readonly at: string;
}
export interface WithdrawAchievement {
  readonly type: 'WithdrawAchievement';
  readonly achievementId: string;
  readonly by: Person;
  readonly reason: string;
  readonly at: string;
}
export type AchievementCommand = RecordAchievement | VerifyAchievement | RefuseAchievement | WithdrawAchievement;

export interface AchievementFacts {
  readonly achievementId: string;
  readonly indicator: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly organisationKind: string;
  /** The unit the achievement counts in (the organisation's). */
  readonly unitCode: string;
  /** What is counted: the organisation, or subjectRef when given. */
  readonly subjectId: string;
  readonly achievedOn: IsoDate;
  readonly value?: number;
}

export type AchievementRecorded = DomainEvent<
  'AchievementRecorded',
  AchievementFacts & { readonly subjectRef?: string; readonly description: string; readonly evidence: string; readonly recordedBy: string; readonly recordedByUnit: string }
>;
export type AchievementVerified = DomainEvent<'AchievementVerified', AchievementFacts & { readonly verifiedBy: string; readonly verifiedByUnit: string; readonly verifiedAt: string; readonly note?: string }>;
export type AchievementRefused = DomainEvent<'AchievementRefused', { readonly achievementId: string; readonly unitCode: string; readonly reason: string; readonly refusedBy: string; readonly refusedByUnit: string; readonly refusedAt: string }>;
export type AchievementWithdrawn = DomainEvent<
  'AchievementWithdrawn',
  AchievementFacts & { readonly reason: string; readonly wasVerified: boolean; readonly withdrawnBy: string; readonly withdrawnAt: string }
>;
export type AchievementEvent = AchievementRecorded | AchievementVerified | AchievementRefused | AchievementWithdrawn;

export type AchievementStatus = 'none' | 'recorded' | 'verified' | 'refused' | 'withdrawn';

export interface AchievementState {
  readonly status: AchievementStatus;
  readonly facts?: AchievementFacts;
  readonly recorded?: AchievementRecorded['data'];
  readonly verifiedBy?: string;
  readonly verifiedAt?: string;
  readonly refusal?: { readonly reason: string; readonly by: string; readonly at: string };
  readonly withdrawal?: { readonly reason: string; readonly by: string; readonly at: string };
  readonly version: number;
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const STATUS_VI: Record<AchievementStatus, string> = { none: 'chưa có', recorded: 'chờ xác nhận', verified: 'đã xác nhận', refused: 'bị từ chối', withdrawn: 'đã rút' };

export function createAchievementDecider(units: UnitTree): Decider<AchievementCommand, AchievementEvent, AchievementState> {
  /** The unit above: strictly contains the achievement's unit; for a province's own records, its People's Committee office. */
  const isUnitAbove = (by: Person, unit: string): boolean => {
    if (!units.has(by.unit) || !units.has(unit)) return false;
    if (by.unit !== unit && units.isWithin(unit, by.unit)) return true;
    return units.levelOf(unit) === 'province' && by.unit === unit && (by.roles ?? []).includes('province-admin');
  };

  const decide = (c: AchievementCommand, s: AchievementState): AchievementEvent[] => {
    if (c.type === 'RecordAchievement') {
      if (s.status !== 'none') throw new DomainRuleViolation(`Achievement ${c.achievementId} is already recorded.`, 'achievement-exists');
      const problems: string[] = [];
      const entry = c.indicator;
      const org = c.organisation;
      if (!entry) problems.push(`"${c.indicatorCode}" is not in the indicator catalogue (GET /indicators)`);
      else if (entry.feed.from !== 'recorded-achievements') {
        problems.push(`indicator ${entry.code} is counted from ${entry.feed.from === 'service-events' ? 'the services’ events' : 'reported statistics'}, not from recorded achievements`);
      }
      if (!org) problems.push(`no organisation ${c.organisationId} is registered (POST /organisations)`);
      if (!isIsoDate(c.achievedOn)) problems.push('the date must be a calendar date');
      else {
        if (c.achievedOn > c.today) problems.push(`the date ${formatDate(c.achievedOn)} is in the future`);
        if (entry && !inForceOn(entry, c.achievedOn)) problems.push(`indicator ${entry.code} was not in force on ${formatDate(c.achievedOn)}`);
      }
      if (entry && org && units.has(org.unitCode) && !entry.levels.includes(units.levelOf(org.unitCode))) {
        problems.push(`indicator ${entry.code} applies at the ${entry.levels.join(', ')} level, not at the ${units.levelOf(org.unitCode)} level of ${org.unitCode}`);
      }
      if (!text(c.description)) problems.push('describe what was achieved');
      if (!text(c.evidence)) problems.push('name the evidence (decision number, document, link)');
      const needsValue = entry && (entry.counting.rule === 'sum-of-values' || entry.counting.rule === 'latest-value');
      if (needsValue && (typeof c.value !== 'number' || !Number.isFinite(c.value))) problems.push(`indicator ${entry!.code} adds up values: give the value`);
      if (problems.length) throw new DomainRuleViolation(`The achievement cannot be recorded: ${problems.join('; ')}.`, 'invalid-achievement', { problems });
      const subjectRef = text(c.subjectRef) ? nfc(c.subjectRef.trim()) : undefined;
      return [
        {
          type: 'AchievementRecorded',
          schemaVersion: 1,
          data: {
            achievementId: c.achievementId,
            indicator: entry!.code,
            organisationId: c.organisationId,
            organisationName: org!.name,
            organisationKind: org!.kind,
            unitCode: org!.unitCode,
            subjectId: subjectRef ? `${c.organisationId}:${subjectRef}` : c.organisationId,
            ...(subjectRef ? { subjectRef } : {}),
            achievedOn: c.achievedOn,
            ...(needsValue ? { value: c.value } : {}),
            description: nfc(c.description.trim()),
            evidence: nfc(c.evidence.trim()),
            recordedBy: c.recordedBy.username,
            recordedByUnit: c.recordedBy.unit,
          },
        },
      ];
    }
    if (s.status === 'none' || !s.facts || !s.recorded) throw new DomainRuleViolation(`No achievement ${c.achievementId} is recorded.`, 'achievement-not-found');
    const facts = s.facts;
    switch (c.type) {
      case 'VerifyAchievement':
      case 'RefuseAchievement': {
        const verb = c.type === 'VerifyAchievement' ? 'verified' : 'refused';
        if (s.status !== 'recorded') throw new DomainRuleViolation(`The achievement is ${STATUS_VI[s.status]} (${s.status}); only one awaiting verification can be ${verb}.`, 'achievement-not-pending');
        if (c.by.username === s.recorded.recordedBy) throw new Forbidden(`You recorded this achievement; the unit above ${verb === 'verified' ? 'verifies' : 'refuses'} it, not the person who recorded it.`);
        if (!isUnitAbove(c.by, facts.unitCode)) {
          throw new Forbidden(
            `An achievement of ${facts.unitCode} is ${verb} by the unit above it${units.has(facts.unitCode) && units.levelOf(facts.unitCode) === 'province' ? ' (for a province’s own organisations: the province’s People’s Committee office)' : ''}; you act for ${c.by.unit}.`,
            { unit: facts.unitCode },
          );
        }
        if (c.type === 'VerifyAchievement') {
          return [{ type: 'AchievementVerified', schemaVersion: 1, data: { ...facts, verifiedBy: c.by.username, verifiedByUnit: c.by.unit, verifiedAt: c.at, ...(text(c.note) ? { note: nfc(c.note.trim()) } : {}) } }];
        }
        if (!text(c.reason)) throw new DomainRuleViolation('A refusal needs its reason, so that the recording unit can correct it.', 'reason-required');
        return [{ type: 'AchievementRefused', schemaVersion: 1, data: { achievementId: facts.achievementId, unitCode: facts.unitCode, reason: nfc(c.reason.trim()), refusedBy: c.by.username, refusedByUnit: c.by.unit, refusedAt: c.at } }];
      }
      case 'WithdrawAchievement':
        if (s.status !== 'recorded' && s.status !== 'verified') throw new DomainRuleViolation(`The achievement is ${STATUS_VI[s.status]} (${s.status}); only a recorded or verified one can be withdrawn.`, 'achievement-not-withdrawable');
        if (!text(c.reason)) throw new DomainRuleViolation('A withdrawal needs its reason.', 'reason-required');
        return [{ type: 'AchievementWithdrawn', schemaVersion: 1, data: { ...facts, reason: nfc(c.reason.trim()), wasVerified: s.status === 'verified', withdrawnBy: c.by.username, withdrawnAt: c.at } }];
    }
  };

  const evolve = (s: AchievementState, e: AchievementEvent): AchievementState => {
    const version = s.version + 1;
    switch (e.type) {
      case 'AchievementRecorded': {
        const d = e.data;
        const facts: AchievementFacts = {
          achievementId: d.achievementId,
          indicator: d.indicator,
          organisationId: d.organisationId,
          organisationName: d.organisationName,
          organisationKind: d.organisationKind,
          unitCode: d.unitCode,
          subjectId: d.subjectId,
          achievedOn: d.achievedOn,
          ...(d.value !== undefined ? { value: d.value } : {}),
        };
        return { status: 'recorded', facts, recorded: e.data, version };
      }
      case 'AchievementVerified':
        return { ...s, status: 'verified', verifiedBy: e.data.verifiedBy, verifiedAt: e.data.verifiedAt, version };
      case 'AchievementRefused':
        return { ...s, status: 'refused', refusal: { reason: e.data.reason, by: e.data.refusedBy, at: e.data.refusedAt }, version };
      case 'AchievementWithdrawn':
        return { ...s, status: 'withdrawn', withdrawal: { reason: e.data.reason, by: e.data.withdrawnBy, at: e.data.withdrawnAt }, version };
      default:
        return { ...s, version };
    }
  };

  return { decide, evolve, initialState: () => ({ status: 'none', version: 0 }) };
}

export const achievementDecider = createAchievementDecider(administrativeUnits);
