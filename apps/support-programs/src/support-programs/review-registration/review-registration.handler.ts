import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { EventLog } from '../common/event-log';
import { Registrations } from '../common/registrations';
import { nowIso } from '../common/scope';
import { RegistrationView } from '../common/views';
import { pilotModelRegistrationDecider } from '@nangsuat/contracts/support-programs';
import { RejectRegistrationDto, ReviewRegistrationDto } from './review-registration.dto';

/** Start of the review, and rejection with a reason: officers of the programme's unit subtree. */
@Injectable()
export class ReviewRegistrationHandler {
  constructor(
    private readonly log: EventLog,
    private readonly registrations: Registrations,
  ) {}

  async startReview(registrationId: string, dto: ReviewRegistrationDto, actor: Actor, req: Request): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertReviewer(actor, registration);
    await this.log.execute(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'StartReview', reviewerId: actor.id, now: nowIso() },
      { metadata: eventMetadata(req, actor, registration.state.ref.unitCode, dto.note), commandId: commandIdOf(req) },
    );
    return this.registrations.view(registration.streamId);
  }

  async reject(registrationId: string, dto: RejectRegistrationDto, actor: Actor, req: Request): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertReviewer(actor, registration);
    const commandId = commandIdOf(req);
    const metadata = eventMetadata(req, actor, registration.state.ref.unitCode, dto.reason);
    await this.log.execute(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'RejectRegistration', reviewerId: actor.id, reason: dto.reason, now: nowIso() },
      { metadata, commandId },
    );
    // A seat left behind by an approval that failed half-way is given back (no-op when none is held).
    await this.registrations.releaseSeatQuietly(registration.state.ref, `Registration rejected: ${dto.reason}`, metadata, commandId);
    return this.registrations.view(registration.streamId);
  }
}
