import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, RecordedEvent } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { EventLog, stepKey } from '../common/event-log';
import { Registrations } from '../common/registrations';
import { nowIso } from '../common/scope';
import { RegistrationView, registrationViewDecider, requireRegistrationView } from '../common/views';
import { pilotModelRegistrationDecider, programmeStreamId, RegistrationState, SeatReserved, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { ApproveRegistrationDto } from '../review-registration/review-registration.dto';

/**
 * Approval, in two steps (docs/domain/support-programs.md, "Capacity under concurrent approvals"):
 *   1. ReserveSeat on the programme stream — serialised by its expected version; a racer that
 *      loses re-decides against fresh state and, when the programme is full, gets 409 capacity-full;
 *   2. ApproveRegistration on the registration stream, carrying the programme version of the seat.
 * When step 2 is refused, the seat is given back (ReleaseSeat) unless the registration holds it
 * after all (approved meanwhile by someone else). Each step has its own idempotency key derived
 * from the request's, so a retried request resumes where the first stopped.
 */
@Injectable()
export class ApproveRegistrationHandler {
  constructor(
    private readonly log: EventLog,
    private readonly registrations: Registrations,
  ) {}

  async handle(registrationId: string, dto: ApproveRegistrationDto, actor: Actor, req: Request): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertReviewer(actor, registration);
    const { streamId, state } = registration;
    const ref = state.ref;
    const commandId = commandIdOf(req);
    const approveKey = stepKey(commandId, 'approve');
    const replay = await this.log.replay(streamId, registrationViewDecider, approveKey);
    if (replay) return requireRegistrationView(replay.state);
    if (state.status === 'approved') return this.registrations.view(streamId); // nothing to do

    const now = nowIso();
    const approval = (seatReservedAtProgrammeVersion: number) =>
      ({ type: 'ApproveRegistration', reviewerId: actor.id, seatReservedAtProgrammeVersion, ...(dto.note !== undefined ? { note: dto.note } : {}), now }) as const;
    // Refuse an impossible approval (not under review, bad note) before taking a seat.
    pilotModelRegistrationDecider.decide(approval(1), state);

    const seatMetadata = eventMetadata(req, actor, ref.programmeUnitCode, dto.note);
    const seat = await this.log.executeContended(
      programmeStreamId(ref.programmeId),
      supportProgrammeDecider,
      { type: 'ReserveSeat', registrationId: ref.registrationId, enterpriseId: ref.enterpriseId, now },
      { metadata: seatMetadata, commandId: stepKey(commandId, 'seat') },
    );
    const seatVersion = this.seatVersion(seat.events, ref.registrationId) ?? (await this.heldSeatVersion(ref.programmeId, ref.registrationId));

    try {
      await this.log.execute(streamId, pilotModelRegistrationDecider, approval(seatVersion), {
        metadata: eventMetadata(req, actor, ref.unitCode, dto.note),
        commandId: approveKey,
      });
    } catch (error) {
      const { state: after } = await this.log.load<never, RegistrationState>(streamId, pilotModelRegistrationDecider);
      if (!after.seatHeld) {
        const why = error instanceof Error ? error.message : String(error);
        await this.registrations.releaseSeatQuietly(ref, `Approval of ${ref.registrationId} was refused: ${why}`, seatMetadata, commandId);
      }
      throw error;
    }
    return this.registrations.view(streamId);
  }

  private seatVersion(events: readonly RecordedEvent[], registrationId: string): number | undefined {
    return events.find((e) => e.type === 'SeatReserved' && (e.data as SeatReserved['data']).registrationId === registrationId)?.streamVersion;
  }

  /** The seat was already held (a retried approval): the version of its latest reservation. */
  private async heldSeatVersion(programmeId: string, registrationId: string): Promise<number> {
    const events = await this.log.readStream(programmeStreamId(programmeId));
    const reserved = events.filter((e) => e.type === 'SeatReserved' && (e.data as SeatReserved['data']).registrationId === registrationId);
    return reserved[reserved.length - 1]?.streamVersion ?? 0;
  }
}
