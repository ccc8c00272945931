import { Injectable } from '@nestjs/common';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { Registrations } from '../common/registrations';

import { RegistrationView } from '../common/views';
import { pilotModelRegistrationDecider } from '@nangsuat/contracts/support-programs';
import { RejectRegistrationDto, ReviewRegistrationDto } from './review-registration.dto';

/** Start of the review, and rejection with a reason: officers of the programme's unit subtree. */
@Injectable()
export class ReviewRegistrationHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly registrations: Registrations,
  ) {}

  async startReview(context: CommandContext, registrationId: string, dto: ReviewRegistrationDto): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertReviewer(context.actor, registration);
    await this.runner.run(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'StartReview', reviewerId: context.actor.id, now: context.nowIso },
      context,
      { unit: registration.state.ref.unitCode, reason: dto.note },
    );
    return this.registrations.view(registration.streamId);
  }

  async reject(context: CommandContext, registrationId: string, dto: RejectRegistrationDto): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertReviewer(context.actor, registration);
    await this.runner.run(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'RejectRegistration', reviewerId: context.actor.id, reason: dto.reason, now: context.nowIso },
      context,
      { unit: registration.state.ref.unitCode, reason: dto.reason },
    );
    // A seat left behind by an approval that failed half-way is given back (no-op when none is held).
    await this.registrations.releaseSeatQuietly(registration.state.ref, `Registration rejected: ${dto.reason}`, context);
    return this.registrations.view(registration.streamId);
  }
}
