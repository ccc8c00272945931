/**
 * An indicator of the catalogue (chỉ tiêu): what a plan's target measures, in which unit, how it is
 * counted and from which facts. The catalogue is data (an event-sourced stream, catalogue.ts), so a
 * province applies the national productivity indicator set — or adds its own indicator — without a
 * release. Pure; no Nest.
 */
import type { UnitLevel } from '@nangsuat/administrative-units';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { IsoDate, isIsoDate, nfcDeep } from '@nangsuat/vietnamese';

/** Units of measure a target may be expressed in (plan-content.ts re-exports this list). */
export const UNITS_OF_MEASURE = {
  enterprises: { vi: 'doanh nghiệp', en: 'enterprises', count: true },
  'person-times': { vi: 'lượt người', en: 'person-times', count: true },
  experts: { vi: 'chuyên gia', en: 'experts', count: true },
  clubs: { vi: 'câu lạc bộ', en: 'clubs', count: true },
  tasks: { vi: 'nhiệm vụ', en: 'tasks', count: true },
  facilities: { vi: 'cơ sở', en: 'facilities', count: true },
  schools: { vi: 'trường học', en: 'schools', count: true },
  awards: { vi: 'khen thưởng', en: 'awards', count: true },
  organisations: { vi: 'tổ chức', en: 'organisations', count: true },
  products: { vi: 'sản phẩm', en: 'products', count: true },
  '%/year': { vi: '%/năm', en: '%/year', count: false },
  '%': { vi: '%', en: '%', count: false },
} as const;
export type UnitOfMeasure = keyof typeof UNITS_OF_MEASURE;

/** Facts the plans service learns, reduced to a kind (contribution-mapping.ts maps events to them). */
export const FACT_KINDS = [
  'pilot-model-approved',
  'pilot-model-completed',
  'pilot-model-withdrawn',
  'training-completed',
  'expert-certified',
  'expert-certification-expired',
  'expert-certification-revoked',
  'award-decided',
  'award-revoked',
  /** A verified recorded achievement (or an older plan-specific fact) for one indicator. */
  'indicator-counted',
  /** A recorded achievement withdrawn after it was verified. */
  'indicator-count-withdrawn',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const COUNTING_RULES = ['distinct-subjects', 'sum-of-values', 'latest-value', 'share'] as const;
export type CountingRuleKind = (typeof COUNTING_RULES)[number];

/**
 * How facts of one thing are told apart (a reversal undoes the facts of the same thing):
 *  - record: the record the fact concerns (registration, certification, award decision);
 *  - subject: the subject itself (enterprise, person, school);
 *  - subject-in-record: a subject within a record (a person on one course);
 *  - record-or-subject: the record when the fact names one, else the subject (recorded achievements).
 */
export const IDENTITIES = ['record', 'subject', 'subject-in-record', 'record-or-subject'] as const;
export type Identity = (typeof IDENTITIES)[number];

/** What a distinct count counts: distinct subjects, or distinct things (by identity). */
export const DISTINCT_OF = ['subjects', 'things'] as const;
export type DistinctOf = (typeof DISTINCT_OF)[number];

/** Repeated facts of one thing: the first stands, the last replaces it, or all stand. */
export const REPEATS = ['first', 'last', 'all'] as const;
export type Repeats = (typeof REPEATS)[number];

export interface CountingRule {
  readonly rule: CountingRuleKind;
  readonly identity: Identity;
  readonly repeats: Repeats;
  /** distinct-subjects and share: what is counted. */
  readonly distinct?: DistinctOf;
  /** Once a thing has a fact of these kinds, a reversal no longer undoes it (a completed pilot model stays). */
  readonly finalKinds?: readonly FactKind[];
  /** Facts count only while valid (a certification's validUntil). */
  readonly onlyWhileValid?: boolean;
  /** Counted again in the breakdown as "completed". */
  readonly completedKinds?: readonly FactKind[];
  /** share: the counted facts of these kinds make the numerator; all counted facts the denominator (in %). */
  readonly numeratorKinds?: readonly FactKind[];
}

export const FEED_SOURCES = ['service-events', 'recorded-achievements', 'reported-statistics'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

/** Which facts feed an indicator. */
export interface FactFeed {
  readonly from: FeedSource;
  /** Kinds that count (service-events); recorded achievements always count as indicator-counted. */
  readonly counts: readonly FactKind[];
  /** Kinds that undo a counted fact of the same thing. */
  readonly reverses: readonly FactKind[];
}

export const INDICATOR_LEVELS: readonly UnitLevel[] = ['nation', 'province', 'district', 'commune', 'village'];

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

export interface IndicatorEntry {
  /** kebab-case, stable: plans refer to it ("trained-person-times"). */
  readonly code: string;
  readonly name: Bilingual;
  readonly unitOfMeasure: UnitOfMeasure;
  /** counted from facts, or reported as statistics with their source. */
  readonly source: 'counted' | 'reported';
  readonly counting: CountingRule;
  readonly feed: FactFeed;
  /** Levels of the plans that may set a target on it. */
  readonly levels: readonly UnitLevel[];
  readonly validFrom?: IsoDate;
  readonly validTo?: IsoDate;
  /** Where the definition comes from ("Bộ chỉ số năng suất quốc gia, Bộ KH&CN 2026"). */
  readonly basis?: string;
  readonly note?: string;
}

export const INDICATOR_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Recorded achievements always count and reverse through these two kinds. */
export const ACHIEVEMENT_FEED: FactFeed = { from: 'recorded-achievements', counts: ['indicator-counted'], reverses: ['indicator-count-withdrawn'] };

/** Fills what follows from the feed (recorded achievements' kinds) and NFC-normalises the texts. */
export function normaliseEntry(input: IndicatorEntry): IndicatorEntry {
  const e = nfcDeep(input);
  const feed = e.feed?.from === 'recorded-achievements' ? ACHIEVEMENT_FEED : e.feed?.from === 'reported-statistics' ? { from: 'reported-statistics' as const, counts: [], reverses: [] } : { ...e.feed, reverses: e.feed?.reverses ?? [] };
  return { ...e, code: typeof e.code === 'string' ? e.code.trim() : e.code, feed };
}

/** The problems of one entry, in words a person can act on (empty when it is sound). */
export function entryProblems(e: IndicatorEntry): string[] {
  const p: string[] = [];
  const name = `Indicator "${e.code ?? '?'}"`;
  if (!isText(e.code) || !INDICATOR_CODE.test(e.code) || e.code.length > 64) p.push(`${name}: the code must be a kebab-case key of at most 64 characters, such as "schools-5s".`);
  if (!e.name || !isText(e.name.vi) || !isText(e.name.en)) p.push(`${name}: give its name in Vietnamese and English.`);
  if (!(e.unitOfMeasure in UNITS_OF_MEASURE)) p.push(`${name}: unknown unit of measure "${e.unitOfMeasure}"; use one of ${Object.keys(UNITS_OF_MEASURE).join(', ')}.`);
  const rule = e.counting;
  if (!rule || !COUNTING_RULES.includes(rule.rule)) p.push(`${name}: the counting rule must be one of ${COUNTING_RULES.join(', ')}.`);
  if (rule && !IDENTITIES.includes(rule.identity)) p.push(`${name}: the identity must be one of ${IDENTITIES.join(', ')}.`);
  if (rule && !REPEATS.includes(rule.repeats)) p.push(`${name}: repeats must be one of ${REPEATS.join(', ')}.`);
  if (rule && rule.distinct !== undefined && !DISTINCT_OF.includes(rule.distinct)) p.push(`${name}: distinct must be one of ${DISTINCT_OF.join(', ')}.`);
  const kinds = [...(rule?.finalKinds ?? []), ...(rule?.completedKinds ?? []), ...(rule?.numeratorKinds ?? []), ...(e.feed?.counts ?? []), ...(e.feed?.reverses ?? [])];
  const unknown = kinds.filter((k) => !FACT_KINDS.includes(k));
  if (unknown.length) p.push(`${name}: unknown fact kind(s) ${[...new Set(unknown)].join(', ')}; known: ${FACT_KINDS.join(', ')}.`);
  if (!e.feed || !FEED_SOURCES.includes(e.feed.from)) p.push(`${name}: say which facts feed it: ${FEED_SOURCES.join(', ')}.`);
  if (e.source === 'reported') {
    if (e.feed?.from !== 'reported-statistics') p.push(`${name}: a reported indicator is fed by reported statistics.`);
    if (rule?.rule !== 'latest-value') p.push(`${name}: a reported indicator takes the latest reported value (counting rule latest-value).`);
  } else if (e.source === 'counted') {
    if (e.feed?.from === 'reported-statistics') p.push(`${name}: a counted indicator is fed by service events or recorded achievements, not statistics.`);
    if (e.feed?.from === 'service-events' && !(e.feed.counts ?? []).length) p.push(`${name}: name at least one fact kind that counts for it.`);
    if (rule?.rule === 'share' && !(rule.numeratorKinds ?? []).length) p.push(`${name}: a share needs the fact kinds of its numerator (numeratorKinds).`);
    const uom = UNITS_OF_MEASURE[e.unitOfMeasure as UnitOfMeasure];
    if (uom && rule?.rule === 'distinct-subjects' && !uom.count) p.push(`${name}: a count of distinct subjects is measured in a counted unit (enterprises, schools…), not ${e.unitOfMeasure}.`);
    if (uom && rule?.rule === 'share' && e.unitOfMeasure !== '%') p.push(`${name}: a share is measured in %.`);
  } else p.push(`${name}: the source must be "counted" or "reported".`);
  if (!Array.isArray(e.levels) || e.levels.length === 0 || e.levels.some((l) => !INDICATOR_LEVELS.includes(l))) {
    p.push(`${name}: name the levels it applies to, among ${INDICATOR_LEVELS.join(', ')}.`);
  }
  for (const [what, d] of [['validFrom', e.validFrom], ['validTo', e.validTo]] as const) if (d !== undefined && !isIsoDate(d)) p.push(`${name}: ${what} must be a date.`);
  if (e.validFrom && e.validTo && isIsoDate(e.validFrom) && isIsoDate(e.validTo) && e.validFrom > e.validTo) p.push(`${name}: valid from ${e.validFrom} is after valid to ${e.validTo}.`);
  return p;
}

export function assertSoundEntry(e: IndicatorEntry): void {
  const problems = entryProblems(e);
  if (problems.length) throw new DomainRuleViolation(problems.join(' '), 'invalid-indicator', { problems });
}

/** Is the entry in force on `date` (yyyy-mm-dd)? */
export const inForceOn = (e: Pick<IndicatorEntry, 'validFrom' | 'validTo'>, date: IsoDate): boolean => (!e.validFrom || e.validFrom <= date) && (!e.validTo || date <= e.validTo);

/** The facts of an entry, by code: a lookup the progress computation is given. */
export type IndicatorLookup = (code: string) => IndicatorEntry | undefined;
