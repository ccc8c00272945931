import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { CertificationCommands } from '../certifications/certification-commands';

@Injectable()
export class RevokeCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
    private readonly clock: TrainingClock,
  ) {}

  handle(req: Request, actor: Actor, certificationId: string, reason: string) {
    return this.certifications.run(req, actor, certificationId, { type: 'RevokeCertification', reason, revokedBy: actor.username, now: this.clock.nowIso() }, reason);
  }
}
