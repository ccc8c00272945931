import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CertificationCommands } from '../certifications/certification-commands';

/** Current (from the store) and scoped to the certification's unit. */
@Injectable()
export class GetCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
    private readonly access: AccessPolicy,
  ) {}

  async handle(actor: Actor, certificationId: string) {
    const { view, version, unitCode } = await this.certifications.get(certificationId);
    this.access.assertCanRead(actor, unitCode);
    return this.certifications.present(view, version);
  }
}
