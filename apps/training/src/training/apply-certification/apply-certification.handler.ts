import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner, requireKnownUnit } from '@nangsuat/service-runtime';
import { personIdOf } from '../common/person-id';
import { CertificationCommands } from '../certifications/certification-commands';
import { certificationViewDecider } from '../certifications/certification-view';
import { certificationStreamId, findCertificationStandard, TCVN_13751_2023 } from '@nangsuat/contracts/training';
import { ApplyCertificationDto } from './apply-certification.dto';

@Injectable()
export class ApplyCertificationHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly certifications: CertificationCommands,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, dto: ApplyCertificationDto) {
    const unitCode = requireKnownUnit(dto.unitCode);
    this.access.assertCanWrite(context.actor, unitCode);
    const standard = findCertificationStandard(dto.standardCode ?? TCVN_13751_2023.code, dto.standardVersion ?? TCVN_13751_2023.version);
    if (!standard) {
      throw new DomainRuleViolation(
        `Standard ${dto.standardCode}@${dto.standardVersion ?? TCVN_13751_2023.version} is not known; see GET /certification-standards.`,
        'unknown-standard',
      );
    }
    const certificationId = dto.certificationId ?? context.newRecordId();
    const result = await this.runner.run(
      certificationStreamId(certificationId),
      certificationViewDecider,
      {
        type: 'ApplyForCertification',
        certificationId,
        standard,
        levelCode: dto.levelCode,
        applicant: { personId: personIdOf(dto), fullName: dto.fullName, ...(dto.organisationName ? { organisationName: dto.organisationName } : {}) },
        unitCode,
        evidence: dto.evidence.map((e) => ({ type: e.type, title: e.title, reference: e.reference })),
        now: context.nowIso,
      },
      context,
      { unit: unitCode },
    );
    return { ...this.certifications.present(result.state, result.version), duplicate: result.duplicate };
  }
}
