import { Injectable } from '@nestjs/common';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { Registrations } from '../common/registrations';

import { RegistrationView } from '../common/views';
import { pilotModelRegistrationDecider } from '@nangsuat/contracts/support-programs';
import { CompleteRegistrationDto, StartImplementationDto } from './implement-registration.dto';

/** Start of implementation and the recorded outcome: the enterprise itself, or officers of the programme's unit subtree. */
@Injectable()
export class ImplementRegistrationHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly registrations: Registrations,
  ) {}

  async start(context: CommandContext, registrationId: string, dto: StartImplementationDto): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertOwnerOrReviewer(context.actor, registration);
    const now = context.nowIso;
    await this.runner.run(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'StartImplementation', startedOn: dto.startedOn ?? toVietnamDate(now), now },
      context,
      { unit: registration.state.ref.unitCode },
    );
    return this.registrations.view(registration.streamId);
  }

  async complete(context: CommandContext, registrationId: string, dto: CompleteRegistrationDto): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertOwnerOrReviewer(context.actor, registration);
    const outcome = {
      productivityGainPercent: dto.productivityGainPercent,
      certificatesObtained: dto.certificatesObtained ?? [],
      evidence: dto.evidence.map((e) => ({ title: e.title, reference: e.reference })),
    };
    await this.runner.run(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'CompleteRegistration', outcome, now: context.nowIso },
      context,
      { unit: registration.state.ref.unitCode },
    );
    return this.registrations.view(registration.streamId);
  }
}
