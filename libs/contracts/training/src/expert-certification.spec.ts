import { Conflict, DomainRuleViolation, NotFound, fold } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { CertificationStandard, TCVN_13751_2023, findCertificationStandard } from './certification-standard';
import { CertificationApplied, CertificationAssessed, CertificationGranted, CertificationRef, ExpertCertificationEvent, certificationStreamId } from './events';
import { ApplyForCertification, CertificationCommand, expertCertificationDecider, isCertifiedOn } from './expert-certification';

const spec = deciderSpec(expertCertificationDecider);

const APPLIED_AT = '2025-06-01T09:00:00+07:00';
const ASSESSED_AT = '2025-06-15T09:00:00+07:00';
const GRANTED_AT = '2025-06-20T09:00:00+07:00';
const utc = (t: string) => new Date(t).toISOString();

const ref: CertificationRef = {
  certificationId: 'cert-2025-001',
  personId: 'p-hash-9f2c',
  unitCode: '58',
  standardCode: 'TCVN 13751:2023',
  standardVersion: '2023',
  levelCode: 'expert',
};

const evidence = [
  { type: 'degree', title: 'Bằng kỹ sư cơ khí', reference: 'ĐHBK-2010-1234' },
  { type: 'productivity-training-certificate', title: 'Chứng chỉ chuyên gia năng suất', reference: 'VNPI-CG-2024-77' },
  { type: 'work-experience', title: 'Xác nhận 5 năm kinh nghiệm', reference: '45/XN-CTY' },
];

const apply: ApplyForCertification = {
  type: 'ApplyForCertification',
  certificationId: 'cert-2025-001',
  standard: TCVN_13751_2023,
  levelCode: 'expert',
  applicant: { personId: 'p-hash-9f2c', fullName: 'Võ Thị Thu', organisationName: 'Trung tâm Kỹ thuật TĐC Ninh Thuận' },
  unitCode: '58',
  evidence,
  now: APPLIED_AT,
};

const expertLevel = TCVN_13751_2023.levels[0];
const applied: CertificationApplied = {
  type: 'CertificationApplied',
  schemaVersion: 1,
  data: {
    ...ref,
    fullName: 'Võ Thị Thu',
    organisationName: 'Trung tâm Kỹ thuật TĐC Ninh Thuận',
    evidence,
    requirements: {
      levelName: 'Chuyên gia năng suất',
      requiredEvidenceTypes: expertLevel.requiredEvidenceTypes,
      renewalEvidenceTypes: expertLevel.renewalEvidenceTypes,
      criteria: [
        { code: 'knowledge', maxScore: 100, passScore: 60 },
        { code: 'application', maxScore: 100, passScore: 60 },
        { code: 'consulting', maxScore: 100, passScore: 50 },
      ],
      minTotalScore: 180,
      validityYears: 3,
    },
    appliedAt: utc(APPLIED_AT),
  },
};

const goodScores = [
  { criterionCode: 'knowledge', score: 80, comment: 'Nắm vững 5S, Kaizen, Lean' },
  { criterionCode: 'application', score: 70 },
  { criterionCode: 'consulting', score: 65 },
];
const assessed: CertificationAssessed = {
  type: 'CertificationAssessed',
  schemaVersion: 1,
  data: { ...ref, assessorId: 'assessor-01', scores: goodScores, totalScore: 215, result: 'passed', failedCriteria: [], assessedAt: utc(ASSESSED_AT) },
};
const granted: CertificationGranted = {
  type: 'CertificationGranted',
  schemaVersion: 1,
  data: { ...ref, certificateNumber: 'CGNS-58-2025-001', validFrom: '2025-07-01', validTo: '2028-06-30', grantedBy: 'director-tdc', grantedAt: utc(GRANTED_AT) },
};
const certified: ExpertCertificationEvent[] = [applied, assessed, granted];
const cpd = [{ type: 'cpd-record', title: 'Cập nhật kiến thức 2025–2028', reference: 'CPD-2028-12' }];

describe('ExpertCertification — standard as data', () => {
  it('finds the standard by code and version', () => {
    expect(findCertificationStandard('TCVN 13751:2023', '2023')).toBe(TCVN_13751_2023);
    expect(findCertificationStandard('TCVN 13751:2023', '2030')).toBeUndefined();
    expect(certificationStreamId('cert-2025-001')).toBe('expert-certification-cert-2025-001');
  });

  it('a new standard version is data: its levels and evidence types apply without code changes', () => {
    const v2: CertificationStandard = {
      ...TCVN_13751_2023,
      version: '2026-draft',
      evidenceTypes: [...TCVN_13751_2023.evidenceTypes, { code: 'digital-skills', name: 'Digital skills', nameVi: 'Kỹ năng số' }],
      levels: [{ ...expertLevel, code: 'expert', requiredEvidenceTypes: ['degree', 'digital-skills'], validityYears: 5 }],
    };
    spec
      .given([])
      .when({ ...apply, standard: v2 })
      .thenThrows(DomainRuleViolation, /needs evidence of type: digital-skills/);
    const [event] = spec
      .given([])
      .when({ ...apply, standard: v2, evidence: [evidence[0], { type: 'digital-skills', title: 'Chứng chỉ kỹ năng số', reference: 'KNS-1' }] })
      .events();
    expect((event as CertificationApplied).data).toMatchObject({ standardVersion: '2026-draft', requirements: { validityYears: 5 } });
  });

  it('refuses inconsistent standard data', () => {
    const broken: CertificationStandard = { ...TCVN_13751_2023, levels: [{ ...expertLevel, requiredEvidenceTypes: ['nonexistent'] }] };
    spec.given([]).when({ ...apply, standard: broken }).thenThrows(DomainRuleViolation, /standard data is inconsistent: level expert requires undefined evidence type nonexistent/);
  });
});

describe('ExpertCertification — application', () => {
  it('applies with the evidence the level requires; the requirements are snapshotted', () => {
    spec.given([]).when(apply).then([applied]);
  });

  it('refuses an unknown level', () => {
    spec.given([]).when({ ...apply, levelCode: 'grand-master' }).thenThrows(DomainRuleViolation, /Level "grand-master" is not defined by TCVN 13751:2023 \(levels: expert, senior-expert\)/);
  });

  it('refuses missing evidence, naming what is missing', () => {
    spec
      .given([])
      .when({ ...apply, levelCode: 'senior-expert' })
      .thenThrows(DomainRuleViolation, /An application for Chuyên gia năng suất cao cấp needs evidence of type: improvement-project-report/);
  });

  it('refuses an evidence type the standard does not know', () => {
    spec
      .given([])
      .when({ ...apply, evidence: [...evidence, { type: 'selfie', title: 'Ảnh', reference: 'x' }] })
      .thenThrows(DomainRuleViolation, /evidence\[3\].type "selfie" is not an evidence type of the standard/);
  });

  it('refuses a raw citizen id as person id, and a second application on the same stream', () => {
    spec.given([]).when({ ...apply, applicant: { ...apply.applicant, personId: '058190001234' } }).thenThrows(DomainRuleViolation, /raw citizen identity number/);
    spec.given([applied]).when(apply).thenThrows(Conflict, /already exists/);
  });
});

describe('ExpertCertification — assessment', () => {
  const assess = (scores: { criterionCode: string; score: number; comment?: string }[], assessorId = 'assessor-01'): CertificationCommand => ({
    type: 'AssessApplication',
    assessorId,
    scores,
    now: ASSESSED_AT,
  });

  it('passes when every criterion reaches its pass score and the total the minimum', () => {
    spec.given([applied]).when(assess(goodScores)).then([assessed]);
  });

  it('fails on a criterion below its pass score, naming it', () => {
    const [event] = spec.given([applied]).when(assess([{ criterionCode: 'knowledge', score: 100 }, { criterionCode: 'application', score: 100 }, { criterionCode: 'consulting', score: 40 }])).events();
    expect((event as CertificationAssessed).data).toMatchObject({ result: 'failed', failedCriteria: ['consulting'], totalScore: 240 });
  });

  it('fails on a total below the minimum', () => {
    const [event] = spec.given([applied]).when(assess([{ criterionCode: 'knowledge', score: 60 }, { criterionCode: 'application', score: 60 }, { criterionCode: 'consulting', score: 55 }])).events();
    expect((event as CertificationAssessed).data).toMatchObject({ result: 'failed', failedCriteria: [], totalScore: 175 });
  });

  it.each([
    ['a negative score', [{ criterionCode: 'knowledge', score: -5 }, goodScores[1], goodScores[2]], /scores\[0\].score must be a number between 0 and 100/],
    ['a score above the maximum', [{ criterionCode: 'knowledge', score: 101 }, goodScores[1], goodScores[2]], /between 0 and 100/],
    ['an unknown criterion', [...goodScores, { criterionCode: 'charisma', score: 10 }], /"charisma" is not a criterion of this level/],
    ['a missing criterion', goodScores.slice(0, 2), /Every criterion must be scored; missing: consulting/],
    ['a criterion scored twice', [...goodScores, goodScores[0]], /Criterion knowledge is scored twice/],
  ])('refuses %s', (_label, scores, message) => {
    spec.given([applied]).when(assess(scores)).thenThrows(DomainRuleViolation, message);
  });

  it('refuses self-assessment and a second assessment', () => {
    spec.given([applied]).when(assess(goodScores, 'p-hash-9f2c')).thenThrows(DomainRuleViolation, /cannot assess their own application/);
    spec.given([applied, assessed]).when(assess(goodScores)).thenThrows(DomainRuleViolation, /Cannot assess: the certification is assessed/);
  });

  it('answers NotFound for an application that does not exist', () => {
    spec.given([]).when(assess(goodScores)).thenThrows(NotFound, /does not exist/);
  });
});

describe('ExpertCertification — grant', () => {
  const grant: CertificationCommand = {
    type: 'GrantCertification',
    certificateNumber: 'CGNS-58-2025-001',
    validFrom: '2025-07-01',
    validTo: '2028-06-30',
    grantedBy: 'director-tdc',
    now: GRANTED_AT,
  };

  it('grants with level and validity within the standard’s validity years', () => {
    spec.given([applied, assessed]).when(grant).then([granted]);
  });

  it('refuses a validity longer than the standard allows, or reversed', () => {
    spec.given([applied, assessed]).when({ ...grant, validTo: '2028-07-02' }).thenThrows(DomainRuleViolation, /at most 3 years later \(2028-07-01\); got 2028-07-02/);
    spec.given([applied, assessed]).when({ ...grant, validTo: '2025-06-30' }).thenThrows(DomainRuleViolation, /validTo must be after validFrom 2025-07-01/);
    spec.given([applied, assessed]).when({ ...grant, validFrom: '2025-06-01' }).thenThrows(DomainRuleViolation, /validFrom 2025-06-01 is before the assessment on 2025-06-15/);
  });

  it('refuses to grant without a passed assessment', () => {
    spec.given([applied]).when(grant).thenThrows(DomainRuleViolation, /Cannot grant a certificate: the certification is applied/);
    const failed = { ...assessed, data: { ...assessed.data, result: 'failed' as const, failedCriteria: ['consulting'] } };
    spec.given([applied, failed]).when(grant).thenThrows(DomainRuleViolation, /the certification is not-passed/);
  });

  it('counts as certified only within its validity', () => {
    const state = fold(expertCertificationDecider, certified);
    expect(isCertifiedOn(state, '2025-06-30')).toBe(false);
    expect(isCertifiedOn(state, '2025-07-01')).toBe(true);
    expect(isCertifiedOn(state, '2028-06-30')).toBe(true);
    expect(isCertifiedOn(state, '2028-07-01')).toBe(false);
  });
});

describe('ExpertCertification — renewal, expiry, revocation', () => {
  it('renews while valid, with the renewal evidence', () => {
    spec
      .given(certified)
      .when({ type: 'RenewCertification', validTo: '2031-06-30', evidence: cpd, now: '2028-05-01T09:00:00+07:00' })
      .then([
        {
          type: 'CertificationRenewed',
          schemaVersion: 1,
          data: { ...ref, certificateNumber: 'CGNS-58-2025-001', previousValidTo: '2028-06-30', validTo: '2031-06-30', evidence: cpd, renewedAt: utc('2028-05-01T09:00:00+07:00') },
        },
      ]);
  });

  it('refuses a renewal without the renewal evidence, too long, or after expiry', () => {
    spec.given(certified).when({ type: 'RenewCertification', validTo: '2031-06-30', evidence: [], now: '2028-05-01T09:00:00+07:00' }).thenThrows(DomainRuleViolation, /A renewal needs evidence of type: cpd-record/);
    spec.given(certified).when({ type: 'RenewCertification', validTo: '2031-07-01', evidence: cpd, now: '2028-05-01T09:00:00+07:00' }).thenThrows(DomainRuleViolation, /at most 3 years later \(2031-06-30\)/);
    spec.given(certified).when({ type: 'RenewCertification', validTo: '2031-06-30', evidence: cpd, now: '2028-07-01T09:00:00+07:00' }).thenThrows(DomainRuleViolation, /expired after 2028-06-30/);
  });

  it('expires only once the validity end has passed (Vietnam date)', () => {
    spec.given(certified).when({ type: 'ExpireCertification', now: '2028-06-30T23:30:00+07:00' }).thenThrows(DomainRuleViolation, /valid until 2028-06-30 \(today is 2028-06-30\); it cannot expire yet/);
    spec
      .given(certified)
      .when({ type: 'ExpireCertification', now: '2028-06-30T17:00:00Z' }) // 1/7/2028 00:00 in Vietnam
      .then([{ type: 'CertificationExpired', schemaVersion: 1, data: { ...ref, certificateNumber: 'CGNS-58-2025-001', validTo: '2028-06-30', expiredAt: '2028-06-30T17:00:00.000Z' } }]);
  });

  it('a renewal moves the expiry', () => {
    const renewed = {
      type: 'CertificationRenewed',
      schemaVersion: 1,
      data: { ...ref, certificateNumber: 'CGNS-58-2025-001', previousValidTo: '2028-06-30', validTo: '2031-06-30', evidence: cpd, renewedAt: utc('2028-05-01T09:00:00+07:00') },
    } as const;
    spec.given([...certified, renewed]).when({ type: 'ExpireCertification', now: '2029-01-01T09:00:00+07:00' }).thenThrows(DomainRuleViolation, /valid until 2031-06-30/);
  });

  it('revokes with a reason', () => {
    spec
      .given(certified)
      .when({ type: 'RevokeCertification', reason: 'Vi phạm đạo đức nghề nghiệp', revokedBy: 'director-tdc', now: '2026-01-05T09:00:00+07:00' })
      .then([
        {
          type: 'CertificationRevoked',
          schemaVersion: 1,
          data: { ...ref, certificateNumber: 'CGNS-58-2025-001', reason: 'Vi phạm đạo đức nghề nghiệp', revokedBy: 'director-tdc', revokedAt: utc('2026-01-05T09:00:00+07:00') },
        },
      ]);
  });

  it('refuses a revocation without a reason, and transitions out of expired or revoked', () => {
    spec.given(certified).when({ type: 'RevokeCertification', reason: '', revokedBy: 'd', now: GRANTED_AT }).thenThrows(DomainRuleViolation, /reason must not be empty/);
    const revoked = { type: 'CertificationRevoked', schemaVersion: 1, data: { ...ref, certificateNumber: 'C', reason: 'x', revokedBy: 'd', revokedAt: utc(GRANTED_AT) } } as const;
    const expired = { type: 'CertificationExpired', schemaVersion: 1, data: { ...ref, certificateNumber: 'C', validTo: '2028-06-30', expiredAt: utc('2028-07-02T00:00:00Z') } } as const;
    spec.given([...certified, revoked]).when({ type: 'RevokeCertification', reason: 'again', revokedBy: 'd', now: GRANTED_AT }).thenThrows(DomainRuleViolation, /Cannot revoke: the certification is revoked/);
    spec.given([...certified, expired]).when({ type: 'RenewCertification', validTo: '2031-06-30', evidence: cpd, now: '2028-07-03T00:00:00Z' }).thenThrows(DomainRuleViolation, /Cannot renew: the certification is expired/);
    spec.given([...certified, expired]).when({ type: 'ExpireCertification', now: '2028-07-03T00:00:00Z' }).thenThrows(DomainRuleViolation, /Cannot expire: the certification is expired/);
    spec.given([applied]).when({ type: 'ExpireCertification', now: '2028-07-03T00:00:00Z' }).thenThrows(DomainRuleViolation, /Cannot expire: the certification is applied/);
  });
});
