import { Conflict, Decider, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { CertificationStandard, LevelDefinition } from './certification-standard';
import { requirePersonId } from './course';
import { CertificationRef, CriterionScore, EvidenceDocument, ExpertCertificationEvent, LevelRequirements } from './events';
import { addYears, optionalText, requireId, requireInstant, requireIsoDate, requireNumber, requireText, requireUnitCode, vietnamDate } from './values';

/**
 * ExpertCertification decider — stream `expert-certification-<certificationId>`, one stream per
 * application (a person re-applying after a refusal, expiry or revocation opens a new one).
 *
 *   applied → assessed (passed) → certified → expired
 *           ↘ not-passed                    ↘ revoked (reason)
 *   certified → (renewed) certified
 *
 * Levels, evidence types, criteria and validity are DATA (certification-standard.ts): the
 * application command carries the standard, and the CertificationApplied event keeps a snapshot of
 * the level's requirements, so later decisions (assessment, grant, renewal) are taken against the
 * requirements in force when the person applied, and a new standard version needs no code.
 *
 * Validity dates are Vietnam calendar dates, inclusive. ExpireCertification is valid only once the
 * Vietnam date of `now` is after `validTo`; renewal only while the certificate is still valid.
 */

export type CertificationStatus = 'none' | 'applied' | 'assessed' | 'not-passed' | 'certified' | 'expired' | 'revoked';

export interface CertificationState {
  readonly status: CertificationStatus;
  readonly ref?: CertificationRef;
  readonly requirements?: LevelRequirements;
  readonly assessedOn?: string;
  readonly certificateNumber?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface Applicant {
  readonly personId: string;
  readonly fullName: string;
  readonly organisationName?: string;
}

export interface ApplyForCertification {
  readonly type: 'ApplyForCertification';
  readonly certificationId: string;
  /** The standard version in force (e.g. TCVN_13751_2023), as data. */
  readonly standard: CertificationStandard;
  readonly levelCode: string;
  readonly applicant: Applicant;
  readonly unitCode: string;
  readonly evidence: readonly EvidenceDocument[];
  readonly now: string;
}

export interface AssessApplication {
  readonly type: 'AssessApplication';
  /** The expert assessor (role checked by the API layer); never the applicant. */
  readonly assessorId: string;
  readonly scores: readonly CriterionScore[];
  readonly now: string;
}

export interface GrantCertification {
  readonly type: 'GrantCertification';
  readonly certificateNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly grantedBy: string;
  readonly now: string;
}

export interface RenewCertification {
  readonly type: 'RenewCertification';
  readonly validTo: string;
  readonly evidence: readonly EvidenceDocument[];
  readonly now: string;
}

export interface ExpireCertification {
  readonly type: 'ExpireCertification';
  readonly now: string;
}

export interface RevokeCertification {
  readonly type: 'RevokeCertification';
  readonly reason: string;
  readonly revokedBy: string;
  readonly now: string;
}

export type CertificationCommand =
  | ApplyForCertification
  | AssessApplication
  | GrantCertification
  | RenewCertification
  | ExpireCertification
  | RevokeCertification;

function invalidStandard(why: string): DomainRuleViolation {
  return new DomainRuleViolation(`The certification standard data is inconsistent: ${why}.`, 'invalid-standard');
}

/** Checks the standard's data for the level applied for and returns the requirements snapshot. */
function requirementsOf(standard: CertificationStandard, levelCode: string): LevelRequirements {
  if (!standard || typeof standard !== 'object' || !Array.isArray(standard.levels) || !Array.isArray(standard.evidenceTypes)) {
    throw new DomainRuleViolation('standard must be a certification standard (code, version, evidence types, levels).', 'invalid-standard');
  }
  const level: LevelDefinition | undefined = standard.levels.find((l) => l.code === levelCode);
  if (!level) {
    throw new DomainRuleViolation(
      `Level ${JSON.stringify(levelCode)} is not defined by ${standard.code} (levels: ${standard.levels.map((l) => l.code).join(', ')}).`,
      'unknown-level',
      { levelCode },
    );
  }
  const known = new Set(standard.evidenceTypes.map((t) => t.code));
  for (const type of [...level.requiredEvidenceTypes, ...level.renewalEvidenceTypes]) {
    if (!known.has(type)) throw invalidStandard(`level ${level.code} requires undefined evidence type ${type}`);
  }
  if (level.criteria.length === 0) throw invalidStandard(`level ${level.code} has no assessment criteria`);
  for (const c of level.criteria) {
    if (!(c.maxScore > 0) || !(c.passScore >= 0) || c.passScore > c.maxScore) throw invalidStandard(`criterion ${c.code} has pass score ${c.passScore} / max ${c.maxScore}`);
  }
  if (!Number.isInteger(level.validityYears) || level.validityYears < 1) throw invalidStandard(`level ${level.code} has validity ${level.validityYears} years`);
  return {
    levelName: level.nameVi,
    requiredEvidenceTypes: level.requiredEvidenceTypes,
    renewalEvidenceTypes: level.renewalEvidenceTypes,
    criteria: level.criteria.map(({ code, maxScore, passScore }) => ({ code, maxScore, passScore })),
    minTotalScore: level.minTotalScore,
    validityYears: level.validityYears,
  };
}

function requireEvidence(value: unknown, knownTypes: ReadonlySet<string> | undefined, required: readonly string[], field: string, purpose: string): EvidenceDocument[] {
  if (!Array.isArray(value)) throw new DomainRuleViolation(`${field} must be a list of evidence documents.`, 'invalid-value', { field });
  const evidence = value.map((raw: Partial<EvidenceDocument>, i) => {
    const type = requireText(raw?.type, `${field}[${i}].type`, 100);
    if (knownTypes && !knownTypes.has(type)) {
      throw new DomainRuleViolation(`${field}[${i}].type ${JSON.stringify(type)} is not an evidence type of the standard (known: ${[...knownTypes].join(', ')}).`, 'unknown-evidence-type', {
        field: `${field}[${i}].type`,
      });
    }
    return { type, title: requireText(raw?.title, `${field}[${i}].title`, 300), reference: requireText(raw?.reference, `${field}[${i}].reference`, 1000) };
  });
  const missing = required.filter((type) => !evidence.some((e) => e.type === type));
  if (missing.length > 0) {
    throw new DomainRuleViolation(`${purpose} needs evidence of type: ${missing.join(', ')}.`, 'missing-evidence', { missing });
  }
  return evidence;
}

function requireStatus(state: CertificationState, allowed: readonly CertificationStatus[], action: string): asserts state is CertificationState & {
  ref: CertificationRef;
  requirements: LevelRequirements;
} {
  if (state.status === 'none' || !state.ref || !state.requirements) throw new NotFound('The certification application does not exist.');
  if (!allowed.includes(state.status)) {
    throw new DomainRuleViolation(`Cannot ${action}: the certification is ${state.status} (allowed from: ${allowed.join(', ')}).`, 'invalid-transition', {
      status: state.status,
      allowed,
    });
  }
}

function decide(command: CertificationCommand, state: CertificationState): ExpertCertificationEvent[] {
  switch (command.type) {
    case 'ApplyForCertification': {
      if (state.status !== 'none') throw new Conflict(`Certification application ${state.ref?.certificationId} already exists.`, 'already-exists');
      const certificationId = requireId(command.certificationId, 'certificationId');
      const requirements = requirementsOf(command.standard, command.levelCode);
      const applicant = command.applicant ?? ({} as Applicant);
      const personId = requirePersonId(applicant.personId, 'applicant.personId');
      const fullName = requireText(applicant.fullName, 'applicant.fullName', 200);
      const organisationName = optionalText(applicant.organisationName, 'applicant.organisationName', 300);
      const unitCode = requireUnitCode(command.unitCode);
      const knownTypes = new Set(command.standard.evidenceTypes.map((t) => t.code));
      const evidence = requireEvidence(command.evidence, knownTypes, requirements.requiredEvidenceTypes, 'evidence', `An application for ${requirements.levelName}`);
      return [
        {
          type: 'CertificationApplied',
          schemaVersion: 1,
          data: {
            certificationId,
            personId,
            unitCode,
            standardCode: command.standard.code,
            standardVersion: command.standard.version,
            levelCode: command.levelCode,
            fullName,
            ...(organisationName ? { organisationName } : {}),
            evidence,
            requirements,
            appliedAt: requireInstant(command.now),
          },
        },
      ];
    }

    case 'AssessApplication': {
      requireStatus(state, ['applied'], 'assess');
      const assessorId = requireText(command.assessorId, 'assessorId', 200);
      if (assessorId === state.ref.personId) {
        throw new DomainRuleViolation('An applicant cannot assess their own application.', 'self-assessment');
      }
      if (!Array.isArray(command.scores)) throw new DomainRuleViolation('scores must list one score per criterion.', 'invalid-value', { field: 'scores' });
      const criteria = state.requirements.criteria;
      const scores: CriterionScore[] = command.scores.map((raw, i) => {
        const criterion = criteria.find((c) => c.code === raw?.criterionCode);
        if (!criterion) {
          throw new DomainRuleViolation(
            `scores[${i}].criterionCode ${JSON.stringify(raw?.criterionCode)} is not a criterion of this level (criteria: ${criteria.map((c) => c.code).join(', ')}).`,
            'unknown-criterion',
          );
        }
        const score = requireNumber(raw.score, `scores[${i}].score`, 0, criterion.maxScore);
        const comment = optionalText(raw.comment, `scores[${i}].comment`);
        return { criterionCode: criterion.code, score, ...(comment ? { comment } : {}) };
      });
      const codes = scores.map((s) => s.criterionCode);
      const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
      if (duplicate) throw new DomainRuleViolation(`Criterion ${duplicate} is scored twice.`, 'duplicate-score');
      const unscored = criteria.filter((c) => !codes.includes(c.code)).map((c) => c.code);
      if (unscored.length > 0) throw new DomainRuleViolation(`Every criterion must be scored; missing: ${unscored.join(', ')}.`, 'missing-score', { unscored });
      const totalScore = scores.reduce((sum, s) => sum + s.score, 0);
      const failedCriteria = scores.filter((s) => s.score < criteria.find((c) => c.code === s.criterionCode)!.passScore).map((s) => s.criterionCode);
      const result = failedCriteria.length === 0 && totalScore >= state.requirements.minTotalScore ? 'passed' : 'failed';
      return [
        {
          type: 'CertificationAssessed',
          schemaVersion: 1,
          data: { ...state.ref, assessorId, scores, totalScore, result, failedCriteria, assessedAt: requireInstant(command.now) },
        },
      ];
    }

    case 'GrantCertification': {
      requireStatus(state, ['assessed'], 'grant a certificate');
      const certificateNumber = requireText(command.certificateNumber, 'certificateNumber', 100);
      const grantedBy = requireText(command.grantedBy, 'grantedBy', 200);
      const validFrom = requireIsoDate(command.validFrom, 'validFrom');
      const validTo = requireIsoDate(command.validTo, 'validTo');
      if (state.assessedOn && validFrom < state.assessedOn) {
        throw new DomainRuleViolation(`validFrom ${validFrom} is before the assessment on ${state.assessedOn}.`, 'invalid-date-range');
      }
      const longest = addYears(validFrom, state.requirements.validityYears);
      if (validTo <= validFrom || validTo > longest) {
        throw new DomainRuleViolation(
          `validTo must be after validFrom ${validFrom} and at most ${state.requirements.validityYears} years later (${longest}); got ${validTo}.`,
          'invalid-validity',
          { validFrom, validTo, longest },
        );
      }
      return [
        {
          type: 'CertificationGranted',
          schemaVersion: 1,
          data: { ...state.ref, certificateNumber, validFrom, validTo, grantedBy, grantedAt: requireInstant(command.now) },
        },
      ];
    }

    case 'RenewCertification': {
      requireStatus(state, ['certified'], 'renew');
      const at = requireInstant(command.now);
      const current = state.validTo!;
      if (vietnamDate(at) > current) {
        throw new DomainRuleViolation(`The certificate expired after ${current}; it can no longer be renewed — record the expiry and apply again.`, 'certificate-expired');
      }
      const validTo = requireIsoDate(command.validTo, 'validTo');
      const longest = addYears(current, state.requirements.validityYears);
      if (validTo <= current || validTo > longest) {
        throw new DomainRuleViolation(
          `The renewed validTo must be after the current ${current} and at most ${state.requirements.validityYears} years later (${longest}); got ${validTo}.`,
          'invalid-validity',
          { current, validTo, longest },
        );
      }
      const evidence = requireEvidence(command.evidence, undefined, state.requirements.renewalEvidenceTypes, 'evidence', 'A renewal');
      return [
        {
          type: 'CertificationRenewed',
          schemaVersion: 1,
          data: { ...state.ref, certificateNumber: state.certificateNumber!, previousValidTo: current, validTo, evidence, renewedAt: at },
        },
      ];
    }

    case 'ExpireCertification': {
      requireStatus(state, ['certified'], 'expire');
      const at = requireInstant(command.now);
      const today = vietnamDate(at);
      if (today <= state.validTo!) {
        throw new DomainRuleViolation(`The certificate is valid until ${state.validTo} (today is ${today}); it cannot expire yet.`, 'still-valid', {
          validTo: state.validTo,
          today,
        });
      }
      return [
        { type: 'CertificationExpired', schemaVersion: 1, data: { ...state.ref, certificateNumber: state.certificateNumber!, validTo: state.validTo!, expiredAt: at } },
      ];
    }

    case 'RevokeCertification': {
      requireStatus(state, ['certified'], 'revoke');
      const reason = requireText(command.reason, 'reason', 2000);
      const revokedBy = requireText(command.revokedBy, 'revokedBy', 200);
      return [
        {
          type: 'CertificationRevoked',
          schemaVersion: 1,
          data: { ...state.ref, certificateNumber: state.certificateNumber!, reason, revokedBy, revokedAt: requireInstant(command.now) },
        },
      ];
    }
  }
}

function evolve(state: CertificationState, event: ExpertCertificationEvent): CertificationState {
  switch (event.type) {
    case 'CertificationApplied': {
      const { certificationId, personId, unitCode, standardCode, standardVersion, levelCode } = event.data;
      return { status: 'applied', ref: { certificationId, personId, unitCode, standardCode, standardVersion, levelCode }, requirements: event.data.requirements };
    }
    case 'CertificationAssessed':
      return { ...state, status: event.data.result === 'passed' ? 'assessed' : 'not-passed', assessedOn: vietnamDate(event.data.assessedAt) };
    case 'CertificationGranted':
      return { ...state, status: 'certified', certificateNumber: event.data.certificateNumber, validFrom: event.data.validFrom, validTo: event.data.validTo };
    case 'CertificationRenewed':
      return { ...state, validTo: event.data.validTo };
    case 'CertificationExpired':
      return { ...state, status: 'expired' };
    case 'CertificationRevoked':
      return { ...state, status: 'revoked' };
    default:
      return state;
  }
}

export const expertCertificationDecider: Decider<CertificationCommand, ExpertCertificationEvent, CertificationState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};

/** Whether a certification counts as a certified expert on a given Vietnam date (for projections and reports). */
export function isCertifiedOn(state: CertificationState, date: string): boolean {
  return state.status === 'certified' && !!state.validFrom && !!state.validTo && state.validFrom <= date && date <= state.validTo;
}
