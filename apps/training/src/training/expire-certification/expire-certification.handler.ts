import { Injectable } from '@nestjs/common';
import { CertificationCommands } from '../certifications/certification-commands';
import { CommandContext } from '@nangsuat/service-runtime';

/** Records the expiry of a certificate whose validity has ended (refused while it is still valid). */
@Injectable()
export class ExpireCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
  ) {}

  handle(context: CommandContext, certificationId: string) {
    return this.certifications.run(context, certificationId, { type: 'ExpireCertification', now: context.nowIso }, 'validity ended');
  }
}
