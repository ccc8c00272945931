import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { CONTENDED_ATTEMPTS, Registrations } from '../common/registrations';

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
    private readonly runner: CommandRunner,
    private readonly registrations: Registrations,
    @Inject(EVENT_STORE) private readonly store: Pick<EventStorePort, 'readStream'>,
  ) {}

  async handle(context: CommandContext, registrationId: string, dto: ApproveRegistrationDto): Promise<RegistrationView> {
    const registration = await this.registrations.load(registrationId);
    this.registrations.assertReviewer(context.actor, registration);
    const { streamId, state } = registration;
    const ref = state.ref;
    const approve = context.step('approve');
    const replay = await this.runner.previousResult(streamId, registrationViewDecider, approve);
    if (replay) return requireRegistrationView(replay.state);
    if (state.status === 'approved') return this.registrations.view(streamId); // nothing to do

    const now = context.nowIso;
    const approval = (seatReservedAtProgrammeVersion: number) =>
      ({ type: 'ApproveRegistration', reviewerId: context.actor.id, seatReservedAtProgrammeVersion, ...(dto.note !== undefined ? { note: dto.note } : {}), now }) as const;
    // Refuse an impossible approval (not under review, bad note) before taking a seat.
    pilotModelRegistrationDecider.decide(approval(1), state);

    const seat = await this.runner.run(
      programmeStreamId(ref.programmeId),
      supportProgrammeDecider,
      { type: 'ReserveSeat', registrationId: ref.registrationId, enterpriseId: ref.enterpriseId, now },
      context.step('seat'),
      { unit: ref.programmeUnitCode, reason: dto.note, contended: CONTENDED_ATTEMPTS },
    );
    const seatVersion = this.seatVersion(seat.events, ref.registrationId) ?? (await this.heldSeatVersion(ref.programmeId, ref.registrationId));

    try {
      await this.runner.run(streamId, pilotModelRegistrationDecider, approval(seatVersion), approve, { unit: ref.unitCode, reason: dto.note });
    } catch (error) {
      const { state: after } = await this.runner.load<never, RegistrationState>(streamId, pilotModelRegistrationDecider);
      if (!after.seatHeld) {
        const why = error instanceof Error ? error.message : String(error);
        await this.registrations.releaseSeatQuietly(ref, `Approval of ${ref.registrationId} was refused: ${why}`, context);
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
    const events = await this.store.readStream(programmeStreamId(programmeId));
    const reserved = events.filter((e) => e.type === 'SeatReserved' && (e.data as SeatReserved['data']).registrationId === registrationId);
    return reserved[reserved.length - 1]?.streamVersion ?? 0;
  }
}
