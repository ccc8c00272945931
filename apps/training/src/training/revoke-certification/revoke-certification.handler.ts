import { Injectable } from '@nestjs/common';
import { CertificationCommands } from '../certifications/certification-commands';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class RevokeCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
  ) {}

  handle(context: CommandContext, certificationId: string, reason: string) {
    return this.certifications.run(context, certificationId, { type: 'RevokeCertification', reason, revokedBy: context.actor.username, now: context.nowIso }, reason);
  }
}
