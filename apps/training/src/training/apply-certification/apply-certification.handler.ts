import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CommandRunner, requireKnownUnit, newRecordId } from '@nangsuat/service-runtime';
import { TrainingClock } from '../common/clock';
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
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, dto: ApplyCertificationDto) {
    const unitCode = requireKnownUnit(dto.unitCode);
    this.access.assertCanWrite(actor, unitCode);
    const standard = findCertificationStandard(dto.standardCode ?? TCVN_13751_2023.code, dto.standardVersion ?? TCVN_13751_2023.version);
    if (!standard) {
      throw new DomainRuleViolation(
        `Standard ${dto.standardCode}@${dto.standardVersion ?? TCVN_13751_2023.version} is not known; see GET /certification-standards.`,
        'unknown-standard',
      );
    }
    const certificationId = dto.certificationId ?? newRecordId(req);
    const result = await this.runner.run(
      req,
      actor,
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
        now: this.clock.nowIso(),
      },
      { unit: unitCode },
    );
    return { ...this.certifications.present(result.state, result.version), duplicate: result.duplicate };
  }
}
