import { Injectable } from '@nestjs/common';
import { CommandContext, optionalDateInput } from '@nangsuat/service-runtime';
import { CertificationCommands } from '../certifications/certification-commands';
import { addYears, vietnamDate } from '@nangsuat/contracts/training';
import { GrantCertificationDto } from './grant-certification.dto';

@Injectable()
export class GrantCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
  ) {}

  async handle(context: CommandContext, certificationId: string, dto: GrantCertificationDto) {
    const { view } = await this.certifications.get(certificationId);
    const now = context.nowIso;
    const validFrom = optionalDateInput(dto.validFrom, 'validFrom') ?? vietnamDate(now);
    const years = view.cert.requirements?.validityYears ?? 1;
    const validTo = optionalDateInput(dto.validTo, 'validTo') ?? addYears(validFrom, years);
    return this.certifications.run(context, certificationId, {
      type: 'GrantCertification',
      certificateNumber: dto.certificateNumber,
      validFrom,
      validTo,
      grantedBy: context.actor.username,
      now,
    });
  }
}
