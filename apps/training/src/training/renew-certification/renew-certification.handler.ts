import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { optionalDateInput } from '@nangsuat/service-runtime';
import { TrainingClock } from '../common/clock';
import { CertificationCommands } from '../certifications/certification-commands';
import { addYears } from '@nangsuat/contracts/training';
import { RenewCertificationDto } from './renew-certification.dto';

@Injectable()
export class RenewCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, certificationId: string, dto: RenewCertificationDto) {
    const { view } = await this.certifications.get(certificationId);
    const current = view.cert.validTo;
    const years = view.cert.requirements?.validityYears ?? 1;
    const validTo = optionalDateInput(dto.validTo, 'validTo') ?? (current ? addYears(current, years) : '');
    return this.certifications.run(req, actor, certificationId, {
      type: 'RenewCertification',
      validTo,
      evidence: dto.evidence.map((e) => ({ type: e.type, title: e.title, reference: e.reference })),
      now: this.clock.nowIso(),
    });
  }
}
