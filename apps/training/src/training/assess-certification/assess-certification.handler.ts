import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { CertificationCommands } from '../certifications/certification-commands';
import { AssessCertificationDto } from './assess-certification.dto';

@Injectable()
export class AssessCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
    private readonly clock: TrainingClock,
  ) {}

  handle(req: Request, actor: Actor, certificationId: string, dto: AssessCertificationDto) {
    return this.certifications.run(req, actor, certificationId, {
      type: 'AssessApplication',
      assessorId: actor.username,
      scores: dto.scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score, ...(s.comment ? { comment: s.comment } : {}) })),
      now: this.clock.nowIso(),
    });
  }
}
