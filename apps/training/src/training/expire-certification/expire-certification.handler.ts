import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { CertificationCommands } from '../certifications/certification-commands';

/** Records the expiry of a certificate whose validity has ended (refused while it is still valid). */
@Injectable()
export class ExpireCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
    private readonly clock: TrainingClock,
  ) {}

  handle(req: Request, actor: Actor, certificationId: string) {
    return this.certifications.run(req, actor, certificationId, { type: 'ExpireCertification', now: this.clock.nowIso() }, 'validity ended');
  }
}
