/**
 * Productivity-expert certification standards as DATA.
 *
 * The expert-certification decider knows nothing about levels, evidence types or criteria: it
 * reads them from the standard passed in ApplyForCertification and keeps a snapshot of the level's
 * requirements in the application event. A new version of the standard is a new entry in this
 * table (or a document loaded from configuration/the database with the same shape) — no code change,
 * and applications made under the old version keep the requirements they were made under.
 *
 * PROVENANCE — READ BEFORE PRODUCTION
 * TCVN 13751:2023 (national productivity-expert standard, based on the APO's productivity
 * specialist certification) is not freely published and was not available while writing this.
 * The entry below has the right *shape*; its level names, evidence types, criteria, scores and
 * validity periods are ILLUSTRATIVE placeholders (marked `provenance: 'illustrative'`) to be
 * replaced with the clauses of the standard by the Department of Science and Technology (TĐC).
 */

export interface EvidenceTypeDefinition {
  readonly code: string;
  readonly name: string;
  readonly nameVi: string;
}

export interface CriterionDefinition {
  readonly code: string;
  readonly name: string;
  readonly nameVi: string;
  readonly maxScore: number;
  /** Minimum score on this criterion to pass. */
  readonly passScore: number;
}

export interface LevelDefinition {
  readonly code: string;
  readonly name: string;
  readonly nameVi: string;
  /** Evidence types an application for this level must include (codes of `evidenceTypes`). */
  readonly requiredEvidenceTypes: readonly string[];
  /** Evidence types a renewal must include. */
  readonly renewalEvidenceTypes: readonly string[];
  readonly criteria: readonly CriterionDefinition[];
  /** Minimum total over all criteria to pass. */
  readonly minTotalScore: number;
  /** Longest validity of a certificate (and of one renewal), in whole years. */
  readonly validityYears: number;
}

export interface CertificationStandard {
  readonly code: string;
  readonly version: string;
  readonly title: string;
  readonly titleVi: string;
  readonly basedOn: string;
  readonly provenance: 'official' | 'illustrative';
  readonly evidenceTypes: readonly EvidenceTypeDefinition[];
  readonly levels: readonly LevelDefinition[];
}

const COMMON_CRITERIA: readonly CriterionDefinition[] = [
  { code: 'knowledge', name: 'Knowledge of productivity concepts and tools', nameVi: 'Kiến thức về năng suất và công cụ cải tiến', maxScore: 100, passScore: 60 },
  { code: 'application', name: 'Applying tools in an organisation', nameVi: 'Năng lực áp dụng công cụ tại tổ chức', maxScore: 100, passScore: 60 },
  { code: 'consulting', name: 'Consulting and training skills', nameVi: 'Kỹ năng tư vấn, đào tạo', maxScore: 100, passScore: 50 },
];

export const TCVN_13751_2023: CertificationStandard = {
  code: 'TCVN 13751:2023',
  version: '2023',
  title: 'Productivity expert — requirements',
  titleVi: 'Chuyên gia năng suất — Yêu cầu',
  basedOn: 'APO productivity specialist certification',
  provenance: 'illustrative',
  evidenceTypes: [
    { code: 'degree', name: 'University degree', nameVi: 'Bằng tốt nghiệp đại học' },
    { code: 'productivity-training-certificate', name: 'Productivity-expert training certificate', nameVi: 'Chứng chỉ đào tạo chuyên gia năng suất' },
    { code: 'work-experience', name: 'Confirmation of work experience', nameVi: 'Xác nhận kinh nghiệm công tác' },
    { code: 'improvement-project-report', name: 'Report of a productivity-improvement project led', nameVi: 'Báo cáo dự án cải tiến năng suất đã thực hiện' },
    { code: 'cpd-record', name: 'Continuing professional development record', nameVi: 'Hồ sơ cập nhật kiến thức chuyên môn' },
  ],
  levels: [
    {
      code: 'expert',
      name: 'Productivity expert',
      nameVi: 'Chuyên gia năng suất',
      requiredEvidenceTypes: ['degree', 'productivity-training-certificate', 'work-experience'],
      renewalEvidenceTypes: ['cpd-record'],
      criteria: COMMON_CRITERIA,
      minTotalScore: 180,
      validityYears: 3,
    },
    {
      code: 'senior-expert',
      name: 'Senior productivity expert',
      nameVi: 'Chuyên gia năng suất cao cấp',
      requiredEvidenceTypes: ['degree', 'productivity-training-certificate', 'work-experience', 'improvement-project-report'],
      renewalEvidenceTypes: ['cpd-record', 'improvement-project-report'],
      criteria: COMMON_CRITERIA.map((c) => ({ ...c, passScore: c.passScore + 10 })),
      minTotalScore: 210,
      validityYears: 3,
    },
  ],
};

/** Every standard version the platform knows, by `${code}@${version}`. */
export const CERTIFICATION_STANDARDS: Readonly<Record<string, CertificationStandard>> = {
  [`${TCVN_13751_2023.code}@${TCVN_13751_2023.version}`]: TCVN_13751_2023,
};

export function findCertificationStandard(code: string, version: string): CertificationStandard | undefined {
  return CERTIFICATION_STANDARDS[`${code}@${version}`];
}
