import { Injectable } from '@nestjs/common';
import { CertificationCommands } from '../certifications/certification-commands';
import { AssessCertificationDto } from './assess-certification.dto';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class AssessCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
  ) {}

  handle(context: CommandContext, certificationId: string, dto: AssessCertificationDto) {
    return this.certifications.run(context, certificationId, {
      type: 'AssessApplication',
      assessorId: context.actor.username,
      scores: dto.scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score, ...(s.comment ? { comment: s.comment } : {}) })),
      now: context.nowIso,
    });
  }
}
