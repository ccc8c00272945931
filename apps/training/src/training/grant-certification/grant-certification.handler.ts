import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { optionalDateInput } from '@nangsuat/service-runtime';
import { TrainingClock } from '../common/clock';
import { CertificationCommands } from '../certifications/certification-commands';
import { addYears, vietnamDate } from '@nangsuat/contracts/training';
import { GrantCertificationDto } from './grant-certification.dto';

@Injectable()
export class GrantCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, certificationId: string, dto: GrantCertificationDto) {
    const { view } = await this.certifications.get(certificationId);
    const now = this.clock.nowIso();
    const validFrom = optionalDateInput(dto.validFrom, 'validFrom') ?? vietnamDate(now);
    const years = view.cert.requirements?.validityYears ?? 1;
    const validTo = optionalDateInput(dto.validTo, 'validTo') ?? addYears(validFrom, years);
    return this.certifications.run(req, actor, certificationId, {
      type: 'GrantCertification',
      certificateNumber: dto.certificateNumber,
      validFrom,
      validTo,
      grantedBy: actor.username,
      now,
    });
  }
}
