import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { EventLog } from '../common/event-log';
import { Registrations } from '../common/registrations';
import { nowIso } from '../common/scope';
import { RegistrationView } from '../common/views';
import { pilotModelRegistrationDecider } from '@nangsuat/contracts/support-programs';
import { CompleteRegistrationDto, StartImplementationDto } from './implement-registration.dto';

/** Start of implementation and the recorded outcome: the enterprise itself, or officers of the programme's unit subtree. */
@Injectable()
export class ImplementRegistrationHandler {
  constructor(
    private readonly log: EventLog,
    private readonly registrations: Registrations,
  ) {}

  async start(registrationId: string, dto: StartImplementationDto, actor: Actor, req: Request): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertOwnerOrReviewer(actor, registration);
    const now = nowIso();
    await this.log.execute(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'StartImplementation', startedOn: dto.startedOn ?? toVietnamDate(now), now },
      { metadata: eventMetadata(req, actor, registration.state.ref.unitCode), commandId: commandIdOf(req) },
    );
    return this.registrations.view(registration.streamId);
  }

  async complete(registrationId: string, dto: CompleteRegistrationDto, actor: Actor, req: Request): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertOwnerOrReviewer(actor, registration);
    const outcome = {
      productivityGainPercent: dto.productivityGainPercent,
      certificatesObtained: dto.certificatesObtained ?? [],
      evidence: dto.evidence.map((e) => ({ title: e.title, reference: e.reference })),
    };
    await this.log.execute(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'CompleteRegistration', outcome, now: nowIso() },
      { metadata: eventMetadata(req, actor, registration.state.ref.unitCode), commandId: commandIdOf(req) },
    );
    return this.registrations.view(registration.streamId);
  }
}
