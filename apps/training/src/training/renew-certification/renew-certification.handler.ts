import { Injectable } from '@nestjs/common';
import { CommandContext, optionalDateInput } from '@nangsuat/service-runtime';
import { CertificationCommands } from '../certifications/certification-commands';
import { addYears } from '@nangsuat/contracts/training';
import { RenewCertificationDto } from './renew-certification.dto';

@Injectable()
export class RenewCertificationHandler {
  constructor(
    private readonly certifications: CertificationCommands,
  ) {}

  async handle(context: CommandContext, certificationId: string, dto: RenewCertificationDto) {
    const { view } = await this.certifications.get(certificationId);
    const current = view.cert.validTo;
    const years = view.cert.requirements?.validityYears ?? 1;
    const validTo = optionalDateInput(dto.validTo, 'validTo') ?? (current ? addYears(current, years) : '');
    return this.certifications.run(context, certificationId, {
      type: 'RenewCertification',
      validTo,
      evidence: dto.evidence.map((e) => ({ type: e.type, title: e.title, reference: e.reference })),
      now: context.nowIso,
    });
  }
}
