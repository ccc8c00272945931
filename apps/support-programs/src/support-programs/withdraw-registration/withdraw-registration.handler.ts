import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { Registrations } from '../common/registrations';

import { RegistrationView } from '../common/views';
import { pilotModelRegistrationDecider, RegistrationWithdrawn } from '@nangsuat/contracts/support-programs';
import { WithdrawRegistrationDto } from './withdraw-registration.dto';

/** Withdrawal with a reason, by the enterprise or the office; an approved registration's seat goes back to the programme. */
@Injectable()
export class WithdrawRegistrationHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly registrations: Registrations,
  ) {}

  async handle(context: CommandContext, registrationId: string, dto: WithdrawRegistrationDto): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertOwnerOrReviewer(context.actor, registration);
    const result = await this.runner.run(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'WithdrawRegistration', reason: dto.reason, now: context.nowIso },
      context,
      { unit: registration.state.ref.unitCode, reason: dto.reason },
    );
    const withdrawn = result.events.find((e): e is RecordedEvent<RegistrationWithdrawn> => e.type === 'RegistrationWithdrawn');
    if (withdrawn && (withdrawn.data as RegistrationWithdrawn['data']).seatHeld) {
      await this.registrations.releaseSeat(registration.state.ref, `Registration withdrawn: ${dto.reason}`, context);
    }
    return this.registrations.view(registration.streamId);
  }
}
