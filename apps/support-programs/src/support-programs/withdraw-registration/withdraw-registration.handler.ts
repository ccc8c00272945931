import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, RecordedEvent } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { EventLog } from '../common/event-log';
import { Registrations } from '../common/registrations';
import { nowIso } from '../common/scope';
import { RegistrationView } from '../common/views';
import { pilotModelRegistrationDecider, RegistrationWithdrawn } from '@nangsuat/contracts/support-programs';
import { WithdrawRegistrationDto } from './withdraw-registration.dto';

/** Withdrawal with a reason, by the enterprise or the office; an approved registration's seat goes back to the programme. */
@Injectable()
export class WithdrawRegistrationHandler {
  constructor(
    private readonly log: EventLog,
    private readonly registrations: Registrations,
  ) {}

  async handle(registrationId: string, dto: WithdrawRegistrationDto, actor: Actor, req: Request): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertOwnerOrReviewer(actor, registration);
    const commandId = commandIdOf(req);
    const metadata = eventMetadata(req, actor, registration.state.ref.unitCode, dto.reason);
    const result = await this.log.execute(
      registration.streamId,
      pilotModelRegistrationDecider,
      { type: 'WithdrawRegistration', reason: dto.reason, now: nowIso() },
      { metadata, commandId },
    );
    const withdrawn = result.events.find((e): e is RecordedEvent<RegistrationWithdrawn> => e.type === 'RegistrationWithdrawn');
    if (withdrawn && (withdrawn.data as RegistrationWithdrawn['data']).seatHeld) {
      await this.registrations.releaseSeat(registration.state.ref, `Registration withdrawn: ${dto.reason}`, metadata, commandId);
    }
    return this.registrations.view(registration.streamId);
  }
}
