/**
 * What a plan says: the content of a Kế hoạch (document number, targets, tasks, funding,
 * responsibilities, reporting rules), the catalogues its values come from, and the checks that
 * refuse impossible values with a message a person can act on. Pure; no Nest.
 */
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { dayOfYear, IsoDate, isIsoDate, nfcDeep, parseDate, VietnameseFormatError } from '@nangsuat/vietnamese';
import { Bilingual, UNITS_OF_MEASURE, UnitOfMeasure } from '../indicators/indicator';
import { parseDocumentNumber, PLAN_DOCUMENT_TYPES } from './document-number';

// ---------------------------------------------------------------------------------------------
// Catalogues

// Units of measure live with the indicator catalogue (apps/plans/src/indicators/domain/indicator.ts).
export { UNITS_OF_MEASURE } from '../indicators/indicator';
export type { UnitOfMeasure } from '../indicators/indicator';

export const COMPARISONS = ['at-least', 'more-than', 'range', 'above-national-average'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** counted: from the other services' events; reported: statistics entered with their source. */
export type TargetSource = 'counted' | 'reported';

export interface IndicatorDefinition {
  readonly unit: UnitOfMeasure;
  readonly source: TargetSource;
  readonly vi: string;
  readonly en: string;
}

/**
 * Indicators of the seed plans, by name (the catalogue's seeded entries: indicators/domain/seed-catalogue.ts,
 * which also holds their counting rules). Other kebab-case keys are accepted by the decider as
 * plan-specific indicators; the service checks every target against the catalogue in force.
 */
export const INDICATORS = {
  'pilot-model-enterprises': { unit: 'enterprises', source: 'counted', vi: 'Doanh nghiệp xây dựng, triển khai mô hình điểm cải tiến năng suất', en: 'Enterprises building and running pilot productivity models' },
  'trained-person-times': { unit: 'person-times', source: 'counted', vi: 'Lượt người được đào tạo, tập huấn về năng suất', en: 'Person-times trained in productivity' },
  'certified-experts': { unit: 'experts', source: 'counted', vi: 'Chuyên gia đạt tiêu chuẩn chuyên gia năng suất', en: 'Certified productivity experts' },
  'labour-productivity-growth': { unit: '%/year', source: 'reported', vi: 'Tốc độ tăng năng suất lao động bình quân', en: 'Average labour-productivity growth' },
  'tfp-contribution': { unit: '%', source: 'reported', vi: 'Đóng góp của TFP vào tăng trưởng GRDP', en: 'TFP contribution to GRDP growth' },
  'productivity-clubs': { unit: 'clubs', source: 'counted', vi: 'Câu lạc bộ cải tiến năng suất tại trường đại học, cao đẳng, cơ sở GDNN', en: 'Productivity-improvement clubs at universities and colleges' },
  'st-tasks': { unit: 'tasks', source: 'counted', vi: 'Nhiệm vụ khoa học và công nghệ về nâng cao năng suất chất lượng', en: 'Science & technology tasks on productivity and quality' },
  'hospitals-advanced-tools': { unit: 'facilities', source: 'counted', vi: 'Bệnh viện, phòng khám áp dụng công cụ, hệ thống quản lý tiên tiến', en: 'Hospitals and clinics applying advanced tools and management systems' },
  'schools-5s': { unit: 'schools', source: 'counted', vi: 'Trường học áp dụng công cụ 5S', en: 'Schools applying 5S' },
  'green-productivity-enterprises': { unit: 'enterprises', source: 'counted', vi: 'Doanh nghiệp được hỗ trợ triển khai giải pháp năng suất xanh', en: 'Enterprises supported for green productivity' },
  awards: { unit: 'awards', source: 'counted', vi: 'Tập thể, cá nhân, doanh nghiệp được tôn vinh, khen thưởng', en: 'Organisations, individuals and enterprises awarded' },
} as const satisfies Record<string, IndicatorDefinition>;
export type KnownIndicator = keyof typeof INDICATORS;

export const FUNDING_KINDS = ['state-budget', 'science-technology-budget', 'public-investment', 'other-lawful'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Content

export interface Baseline {
  readonly value: number;
  readonly year: number;
  readonly source?: string;
}

/** A specific target (mục tiêu cụ thể) for one milestone year. */
export interface Target {
  readonly id: string;
  /** Indicator key, e.g. "trained-person-times" (see INDICATORS). */
  readonly indicator: string;
  readonly label: Bilingual;
  readonly unit: UnitOfMeasure;
  readonly milestoneYear: number;
  readonly comparison: Comparison;
  /** at-least / more-than. */
  readonly value?: number;
  /** range. */
  readonly min?: number;
  readonly max?: number;
  readonly baseline?: Baseline;
  readonly source: TargetSource;
  /** The words of the document, for auditors ("Trên 150 lượt người …"). */
  readonly quote?: string;
  readonly note?: string;
}

/** A numbered section of "Nhiệm vụ và giải pháp". */
export interface TaskSection {
  /** "1", "2.1", "2.2" … */
  readonly section: string;
  readonly title: string;
  readonly activities?: readonly string[];
  /** Cơ quan chủ trì. */
  readonly lead?: string;
  /** Cơ quan phối hợp. */
  readonly coordinating?: readonly string[];
  /** A date (yyyy-mm-dd) or a year ("2025"). */
  readonly deadline?: string;
  /** Targets this section serves (ids). */
  readonly targetIds?: readonly string[];
  /** Where lead/coordination were read from, when the document does not state them per section. */
  readonly note?: string;
}

export interface FundingSource {
  readonly kind: FundingKind;
  readonly description: string;
}

/** Tổ chức thực hiện: who does what. */
export interface Responsibility {
  readonly agency: string;
  readonly role?: 'lead' | 'coordinate' | 'budget' | 'member';
  readonly duties: readonly string[];
}

export interface ReportingRules {
  /** Annual report deadline, e.g. 10/11 → { day: 10, month: 11 }. Absent when the document sets none. */
  readonly annualDeadline?: { readonly day: number; readonly month: number };
  /** To whom: "Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ)". */
  readonly reportTo?: string;
  readonly midTermReviewYear?: number;
  readonly finalReviewYear?: number;
  /** Ad-hoc reports on request (đột xuất). */
  readonly adHoc?: boolean;
  /**
   * The levels a report climbs, lowest first (["village", "commune", "province"]): a unit's report is
   * approved or returned by each level above it in turn. Absent: one approval by any unit above.
   */
  readonly approvalChain?: readonly ReportingLevel[];
  /** Each level's own deadline (village 31/10, commune 05/11); a level without one uses annualDeadline. */
  readonly levelDeadlines?: readonly { readonly level: ReportingLevel; readonly day: number; readonly month: number }[];
}

export const REPORTING_LEVELS = ['village', 'commune', 'district', 'province'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

/** Another document the plan cites. */
export interface DocumentReference {
  readonly documentNumber: string;
  readonly issueDate?: IsoDate;
  readonly issuer?: string;
  readonly title?: string;
  readonly relation: 'implements' | 'guidance' | 'proposal' | 'legal-basis';
}

export interface Signer {
  readonly name: string;
  readonly position?: string;
}

export interface PlanContent {
  /** Canonical, e.g. "4009/KH-UBND"; may be absent in a draft (numbers are given at issue). */
  readonly documentNumber?: string;
  readonly title: string;
  /** Administrative-unit code of the issuing People's Committee: "58", "51-NGOKBAY". */
  readonly issuingUnit: string;
  /** "Ủy ban nhân dân tỉnh Ninh Thuận". */
  readonly issuingBody?: string;
  readonly issueDate?: IsoDate;
  readonly signer?: Signer;
  /** Milestone years, ascending: [2025, 2030]. */
  readonly horizonYears: readonly number[];
  /** Document number of the plan this one implements. */
  readonly implementsPlan?: string;
  readonly references?: readonly DocumentReference[];
  readonly generalObjectives: readonly string[];
  readonly targets: readonly Target[];
  readonly tasks: readonly TaskSection[];
  readonly funding: readonly FundingSource[];
  readonly responsibilities: readonly Responsibility[];
  readonly reporting: ReportingRules;
  /** Provenance and remarks (what the source document does not say, how something was read). */
  readonly notes?: readonly string[];
}

/** Fields a draft revision or an amendment may change (identity fields are fixed at issue). */
export type PlanChanges = Partial<Omit<PlanContent, 'issuingUnit'>>;

// ---------------------------------------------------------------------------------------------
// Normalisation and checks

/** Collects problems; `fail()` throws one DomainRuleViolation listing all of them. */
class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
  fail(code = 'invalid-plan'): void {
    if (this.list.length) throw new DomainRuleViolation(this.list.join(' '), code, { problems: this.list });
  }
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isYear = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1990 && (v as number) <= 2100;

function normaliseDate(value: string | undefined, what: string, problems: Problems): IsoDate | undefined {
  if (value === undefined) return undefined;
  try {
    return parseDate(value);
  } catch (e) {
    problems.add(`${what}: ${e instanceof VietnameseFormatError ? e.message : String(e)}`);
    return value;
  }
}

function normaliseNumber(value: string | undefined, what: string, problems: Problems, planTypesOnly: boolean): string | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = parseDocumentNumber(value);
    if (planTypesOnly && !PLAN_DOCUMENT_TYPES.includes(parsed.type ?? '')) {
      problems.add(
        `${what} ${parsed.canonical} is not the number of a plan: a plan is numbered …/KH-… (Kế hoạch) or …/QĐ-… (Quyết định); record other documents under references.`,
      );
    }
    return parsed.canonical;
  } catch (e) {
    problems.add(`${what}: ${(e as Error).message}`);
    return value;
  }
}

/** NFC everywhere, dates to yyyy-mm-dd, document numbers to canonical form. Collects format problems. */
export function normaliseChanges<T extends PlanChanges>(input: T, problems = new Problems()): T {
  const c = nfcDeep(input) as PlanChanges;
  const out: Record<string, unknown> = { ...c };
  if ('documentNumber' in c) out.documentNumber = normaliseNumber(c.documentNumber, 'Document number', problems, true);
  if ('implementsPlan' in c) out.implementsPlan = normaliseNumber(c.implementsPlan, 'Implemented plan', problems, true);
  if ('issueDate' in c) out.issueDate = normaliseDate(c.issueDate, 'Issue date', problems);
  if (c.references) {
    out.references = c.references.map((r, i) => ({
      ...r,
      documentNumber: normaliseNumber(r.documentNumber, `Reference ${i + 1}`, problems, false),
      issueDate: normaliseDate(r.issueDate, `Reference ${r.documentNumber} date`, problems),
    }));
  }
  if (c.tasks) {
    out.tasks = c.tasks.map((t) => {
      if (t.deadline === undefined || /^\d{4}$/.test(t.deadline)) return t;
      return { ...t, deadline: normaliseDate(t.deadline, `Deadline of section ${t.section}`, problems) };
    });
  }
  return out as T;
}

/** Checks one target; adds a message per problem. */
export function checkTarget(t: Target, content: Pick<PlanContent, 'horizonYears' | 'issueDate'>, problems: Problems): void {
  const name = `Target "${t.id ?? '?'}"`;
  if (!isText(t.id)) problems.add('Every target needs an id.');
  if (!isText(t.indicator) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.indicator)) {
    problems.add(`${name}: the indicator must be a kebab-case key such as "trained-person-times" (got "${t.indicator}").`);
  }
  if (!t.label || !isText(t.label.vi) || !isText(t.label.en)) problems.add(`${name}: give the label in Vietnamese and English.`);
  const uom = UNITS_OF_MEASURE[t.unit as UnitOfMeasure];
  if (!uom) problems.add(`${name}: unknown unit of measure "${t.unit}"; use one of ${Object.keys(UNITS_OF_MEASURE).join(', ')}.`);
  const known = (INDICATORS as Record<string, IndicatorDefinition>)[t.indicator];
  if (known && uom && known.unit !== t.unit) problems.add(`${name}: ${t.indicator} is measured in ${known.unit}, not ${t.unit}.`);
  if (t.source !== 'counted' && t.source !== 'reported') problems.add(`${name}: the source must be "counted" (from events) or "reported" (statistics).`);
  else if (known && known.source !== t.source) problems.add(`${name}: ${t.indicator} is ${known.source}, not ${t.source}.`);

  if (!isYear(t.milestoneYear)) problems.add(`${name}: the milestone year must be a year such as 2025 (got ${t.milestoneYear}).`);
  else {
    const last = Math.max(...content.horizonYears.filter(isYear));
    if (Number.isFinite(last) && t.milestoneYear > last) problems.add(`${name}: milestone ${t.milestoneYear} is after the plan's horizon (${last}).`);
    const issueYear = content.issueDate && isIsoDate(content.issueDate) ? Number(content.issueDate.slice(0, 4)) : undefined;
    if (issueYear && t.milestoneYear < issueYear) {
      problems.add(`${name}: milestone ${t.milestoneYear} is before the year the plan is issued (${issueYear}); a plan cannot set targets for the past.`);
    }
  }

  const numeric = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const checkValue = (v: number | undefined, what: string) => {
    if (!numeric(v)) return problems.add(`${name}: the ${what} must be a number.`);
    if ((v as number) < 0) problems.add(`${name}: the ${what} cannot be negative (${v}).`);
    if (uom?.count && !Number.isInteger(v)) problems.add(`${name}: ${t.unit} are counted in whole numbers (${what} ${v}).`);
    if (t.unit === '%' && (v as number) > 100) problems.add(`${name}: a share cannot exceed 100% (${what} ${v}).`);
  };
  switch (t.comparison) {
    case 'at-least':
    case 'more-than':
      checkValue(t.value, 'value');
      if (t.min !== undefined || t.max !== undefined) problems.add(`${name}: "${t.comparison}" takes a value, not min/max; use "range" for a range.`);
      break;
    case 'range':
      checkValue(t.min, 'minimum');
      checkValue(t.max, 'maximum');
      if (t.value !== undefined) problems.add(`${name}: a range takes min and max, not a value.`);
      if (numeric(t.min) && numeric(t.max) && (t.min as number) > (t.max as number)) {
        problems.add(`${name}: the range ${t.min}–${t.max} has its minimum above its maximum; swap them.`);
      }
      break;
    case 'above-national-average':
      if (t.value !== undefined || t.min !== undefined || t.max !== undefined) problems.add(`${name}: "above-national-average" takes no value; the national average is reported with the statistics.`);
      if (t.source !== 'reported') problems.add(`${name}: "above-national-average" can only be met by reported statistics (source "reported").`);
      break;
    default:
      problems.add(`${name}: unknown comparison "${t.comparison}"; use one of ${COMPARISONS.join(', ')}.`);
  }
  if (t.baseline) {
    if (!numeric(t.baseline.value) || t.baseline.value < 0) problems.add(`${name}: the baseline value must be a number ≥ 0.`);
    if (!isYear(t.baseline.year) || (isYear(t.milestoneYear) && t.baseline.year > t.milestoneYear)) {
      problems.add(`${name}: the baseline year must be a year not after the milestone.`);
    }
  }
}

/** Checks a whole content (draft level: identity fields may still be missing). */
export function checkContent(content: PlanContent, problems = new Problems()): Problems {
  if (!isText(content.title)) problems.add('The plan needs a title.');
  if (!isText(content.issuingUnit)) problems.add('The plan needs the code of its issuing unit (e.g. "58").');
  const years = content.horizonYears ?? [];
  if (years.length === 0 || !years.every(isYear)) problems.add('Give the horizon years of the plan, e.g. [2025, 2030].');
  else if (years.some((y, i) => i > 0 && y <= years[i - 1])) problems.add(`Horizon years must be ascending without repeats (got ${years.join(', ')}).`);
  if (content.issueDate && isIsoDate(content.issueDate) && years.every(isYear) && years.length && years[years.length - 1] < Number(content.issueDate.slice(0, 4))) {
    problems.add(`The horizon (${years.join(', ')}) ends before the issue date ${content.issueDate}.`);
  }
  if (content.implementsPlan && content.documentNumber && content.implementsPlan === content.documentNumber) {
    problems.add('A plan cannot implement itself: implementsPlan is its own document number.');
  }
  if (!Array.isArray(content.generalObjectives) || content.generalObjectives.some((o) => !isText(o))) problems.add('General objectives must be a list of non-empty texts.');

  const ids = new Set<string>();
  for (const t of content.targets ?? []) {
    if (ids.has(t.id)) problems.add(`Two targets have the id "${t.id}"; ids must be unique within a plan.`);
    ids.add(t.id);
    checkTarget(t, content, problems);
  }

  const sections = new Set<string>();
  for (const task of content.tasks ?? []) {
    if (!/^\d+(\.\d+)*$/.test(task.section ?? '')) problems.add(`Task section "${task.section}" must be numbered like "1" or "2.1".`);
    if (sections.has(task.section)) problems.add(`Task section ${task.section} appears twice.`);
    sections.add(task.section);
    if (!isText(task.title)) problems.add(`Task section ${task.section} needs a title.`);
    if (task.lead !== undefined && !isText(task.lead)) problems.add(`Task section ${task.section}: the lead agency is empty.`);
    if (task.coordinating?.some((a) => !isText(a))) problems.add(`Task section ${task.section}: a coordinating agency is empty.`);
    if (task.deadline !== undefined && !/^\d{4}$/.test(task.deadline) && !isIsoDate(task.deadline)) {
      problems.add(`Task section ${task.section}: the deadline must be a date or a year.`);
    }
    for (const id of task.targetIds ?? []) if (!ids.has(id)) problems.add(`Task section ${task.section} refers to unknown target "${id}".`);
  }
  for (const section of sections) {
    const parent = section.split('.').slice(0, -1).join('.');
    if (parent && !sections.has(parent)) problems.add(`Task section ${section} has no parent section ${parent}.`);
  }

  for (const f of content.funding ?? []) {
    if (!FUNDING_KINDS.includes(f.kind)) problems.add(`Unknown funding kind "${f.kind}"; use one of ${FUNDING_KINDS.join(', ')}.`);
    if (!isText(f.description)) problems.add('Every funding source needs a description.');
  }
  for (const r of content.responsibilities ?? []) {
    if (!isText(r.agency)) problems.add('Every responsibility needs the agency.');
  }

  const rep = content.reporting ?? {};
  if (rep.annualDeadline) {
    const { day, month } = rep.annualDeadline;
    try {
      dayOfYear(2023, month, day); // a non-leap year: 29/02 would not exist every year
    } catch {
      problems.add(`The annual report deadline ${day}/${month} is not a day that exists every year.`);
    }
  }
  const range = years.every(isYear) && years.length ? [Math.min(...years) - 10, years[years.length - 1]] : undefined;
  for (const [what, y] of [
    ['mid-term review', rep.midTermReviewYear],
    ['final review', rep.finalReviewYear],
  ] as const) {
    if (y === undefined) continue;
    if (!isYear(y)) problems.add(`The ${what} year must be a year.`);
    else if (range && y > range[1]) problems.add(`The ${what} year ${y} is after the horizon (${range[1]}).`);
  }
  if (rep.approvalChain !== undefined) {
    const chain = rep.approvalChain;
    const order = (l: string) => REPORTING_LEVELS.indexOf(l as ReportingLevel);
    if (!Array.isArray(chain) || chain.length < 2 || chain.some((l) => order(l) < 0)) {
      problems.add(`The approval chain names at least two levels among ${REPORTING_LEVELS.join(', ')}, lowest first (e.g. village, commune, province).`);
    } else if (chain.some((l, i) => i > 0 && order(l) <= order(chain[i - 1]))) {
      problems.add(`The approval chain goes upward without repeats, lowest first (got ${chain.join(' → ')}).`);
    }
  }
  for (const d of rep.levelDeadlines ?? []) {
    if (rep.approvalChain && !rep.approvalChain.includes(d.level)) problems.add(`A deadline is set for the ${d.level} level, which is not in the approval chain.`);
    try {
      dayOfYear(2023, d.month, d.day);
    } catch {
      problems.add(`The ${d.level} deadline ${d.day}/${d.month} is not a day that exists every year.`);
    }
  }
  if (new Set((rep.levelDeadlines ?? []).map((d) => d.level)).size !== (rep.levelDeadlines ?? []).length) problems.add('Each level has one deadline.');
  if (rep.midTermReviewYear && rep.finalReviewYear && rep.midTermReviewYear > rep.finalReviewYear) {
    problems.add(`The mid-term review (${rep.midTermReviewYear}) comes after the final review (${rep.finalReviewYear}).`);
  }
  return problems;
}

/** Checks a content and throws one DomainRuleViolation with every problem. */
export function assertValidContent(content: PlanContent): void {
  checkContent(content).fail();
}

export { Problems };
