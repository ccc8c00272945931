/**
 * The indicators the platform starts with: those of the seed plans (4009/KH-UBND, 138/KH-UBND, the
 * Ngọk Bay commune plan), with the counting rules progress has always applied. They are the initial
 * state of the catalogue stream (catalogue.ts); a revision of one of them is an event like any other.
 */
import { ACHIEVEMENT_FEED, IndicatorEntry, IndicatorLookup } from './indicator';

const ALL_LOCAL = ['province', 'district', 'commune', 'village'] as const;
const PROVINCE = ['province'] as const;
const PLAN_4009 = 'Kế hoạch 4009/KH-UBND ngày 26/9/2023 của UBND tỉnh Ninh Thuận; Quyết định 36/QĐ-TTg (Kế hoạch tổng thể quốc gia)';

const achievements = (
  code: string,
  unitOfMeasure: IndicatorEntry['unitOfMeasure'],
  vi: string,
  en: string,
  note: string,
): IndicatorEntry => ({
  code,
  name: { vi, en },
  unitOfMeasure,
  source: 'counted',
  counting: { rule: 'distinct-subjects', identity: 'record-or-subject', repeats: 'first', distinct: 'subjects' },
  feed: ACHIEVEMENT_FEED,
  levels: [...ALL_LOCAL],
  basis: PLAN_4009,
  note,
});

export const SEED_INDICATORS: readonly IndicatorEntry[] = [
  {
    code: 'pilot-model-enterprises',
    name: { vi: 'Doanh nghiệp xây dựng, triển khai mô hình điểm cải tiến năng suất', en: 'Enterprises building and running pilot productivity models' },
    unitOfMeasure: 'enterprises',
    source: 'counted',
    // Distinct enterprises with a registration approved and not withdrawn; a completed one stays counted.
    counting: { rule: 'distinct-subjects', identity: 'record', repeats: 'all', distinct: 'subjects', finalKinds: ['pilot-model-completed'], completedKinds: ['pilot-model-completed'] },
    feed: { from: 'service-events', counts: ['pilot-model-approved', 'pilot-model-completed'], reverses: ['pilot-model-withdrawn'] },
    levels: [...ALL_LOCAL],
    basis: PLAN_4009,
  },
  {
    code: 'trained-person-times',
    name: { vi: 'Lượt người được đào tạo, tập huấn về năng suất', en: 'Person-times trained in productivity' },
    unitOfMeasure: 'person-times',
    source: 'counted',
    // One person on two courses counts twice; a repeated completion of one course once.
    counting: { rule: 'distinct-subjects', identity: 'subject-in-record', repeats: 'first', distinct: 'things' },
    feed: { from: 'service-events', counts: ['training-completed'], reverses: [] },
    levels: [...ALL_LOCAL],
    basis: PLAN_4009,
  },
  {
    code: 'certified-experts',
    name: { vi: 'Chuyên gia đạt tiêu chuẩn chuyên gia năng suất', en: 'Certified productivity experts' },
    unitOfMeasure: 'experts',
    source: 'counted',
    // Distinct people holding a certification active at the end of the window (a renewal replaces the grant).
    counting: { rule: 'distinct-subjects', identity: 'record', repeats: 'last', distinct: 'subjects', onlyWhileValid: true },
    feed: { from: 'service-events', counts: ['expert-certified'], reverses: ['expert-certification-expired', 'expert-certification-revoked'] },
    levels: [...ALL_LOCAL],
    basis: PLAN_4009,
  },
  {
    code: 'labour-productivity-growth',
    name: { vi: 'Tốc độ tăng năng suất lao động bình quân', en: 'Average labour-productivity growth' },
    unitOfMeasure: '%/year',
    source: 'reported',
    counting: { rule: 'latest-value', identity: 'record', repeats: 'last' },
    feed: { from: 'reported-statistics', counts: [], reverses: [] },
    levels: [...PROVINCE],
    basis: PLAN_4009,
  },
  {
    code: 'tfp-contribution',
    name: { vi: 'Đóng góp của TFP vào tăng trưởng GRDP', en: 'TFP contribution to GRDP growth' },
    unitOfMeasure: '%',
    source: 'reported',
    counting: { rule: 'latest-value', identity: 'record', repeats: 'last' },
    feed: { from: 'reported-statistics', counts: [], reverses: [] },
    levels: [...PROVINCE],
    basis: PLAN_4009,
  },
  achievements(
    'productivity-clubs',
    'clubs',
    'Câu lạc bộ cải tiến năng suất tại trường đại học, cao đẳng, cơ sở GDNN',
    'Productivity-improvement clubs at universities and colleges',
    'Counted from recorded achievements: a club founded, verified by the unit above; one per organisation.',
  ),
  achievements(
    'st-tasks',
    'tasks',
    'Nhiệm vụ khoa học và công nghệ về nâng cao năng suất chất lượng',
    'Science & technology tasks on productivity and quality',
    'Counted from recorded achievements: a task ordered or accepted; the task (its reference) is counted once.',
  ),
  achievements(
    'hospitals-advanced-tools',
    'facilities',
    'Bệnh viện, phòng khám áp dụng công cụ, hệ thống quản lý tiên tiến',
    'Hospitals and clinics applying advanced tools and management systems',
    'Counted from recorded achievements: a hospital or clinic applying a tool; one per organisation.',
  ),
  achievements('schools-5s', 'schools', 'Trường học áp dụng công cụ 5S', 'Schools applying 5S', 'Counted from recorded achievements: a school applying 5S; one per school.'),
  achievements(
    'green-productivity-enterprises',
    'enterprises',
    'Doanh nghiệp được hỗ trợ triển khai giải pháp năng suất xanh',
    'Enterprises supported for green productivity',
    'Counted from recorded achievements: an enterprise supported; one per enterprise.',
  ),
  {
    code: 'awards',
    name: { vi: 'Tập thể, cá nhân, doanh nghiệp được tôn vinh, khen thưởng', en: 'Organisations, individuals and enterprises awarded' },
    unitOfMeasure: 'awards',
    source: 'counted',
    // Award decisions, minus revoked ones.
    counting: { rule: 'distinct-subjects', identity: 'record', repeats: 'last', distinct: 'things' },
    feed: { from: 'service-events', counts: ['award-decided'], reverses: ['award-revoked'] },
    levels: [...ALL_LOCAL],
    basis: PLAN_4009,
  },
];

const SEED_BY_CODE = new Map(SEED_INDICATORS.map((e) => [e.code, e]));

/** The seeded entries by code. */
export const seedIndicator: IndicatorLookup = (code) => SEED_BY_CODE.get(code);

/**
 * The rule for an indicator outside the catalogue (plans drafted before the catalogue named any key):
 * its `indicator-counted` facts, distinct per subject, as progress counted them before.
 */
export const planSpecificIndicator = (code: string): IndicatorEntry => ({
  code,
  name: { vi: code, en: code },
  unitOfMeasure: 'organisations',
  source: 'counted',
  counting: { rule: 'distinct-subjects', identity: 'record-or-subject', repeats: 'first', distinct: 'subjects' },
  feed: ACHIEVEMENT_FEED,
  levels: [...ALL_LOCAL],
});
