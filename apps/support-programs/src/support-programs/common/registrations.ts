import { Injectable, Logger } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { pilotModelRegistrationDecider, programmeStreamId, RegistrationRef, RegistrationState, registrationStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { registrationIdParam } from './http';
import { isEnterpriseUser } from './scope';
import { RegistrationView, registrationViewDecider, requireRegistrationView } from './views';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';

/** Attempts for a command on a programme stream, which every approval and release of its seats writes to. */
export const CONTENDED_ATTEMPTS = 10;

export interface LoadedRegistration {
  readonly streamId: string;
  readonly state: RegistrationState & { readonly ref: RegistrationRef };
  readonly version: number;
}

/**
 * Loading a registration and deciding who may act on it:
 *  - review, approve, reject: officers of the programme's unit subtree (the office running it);
 *  - start, complete, withdraw: the enterprise itself, or those officers;
 *  - read: the enterprise itself, officers of the enterprise's or of the programme's unit subtree, auditors.
 */
@Injectable()
export class Registrations {
  private readonly logger = new Logger('Registrations');

  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async load(registrationId: string): Promise<LoadedRegistration> {
    const { programmeId, enterpriseId } = registrationIdParam(registrationId);
    const streamId = registrationStreamId(programmeId, enterpriseId);
    const { state, version } = await this.runner.load<never, RegistrationState>(streamId, pilotModelRegistrationDecider);
    if (state.status === 'none' || !state.ref) throw new NotFound(`No pilot-model registration ${registrationId}.`);
    return { streamId, state: state as LoadedRegistration['state'], version };
  }

  async view(streamId: string): Promise<RegistrationView> {
    const { state } = await this.runner.load(streamId, registrationViewDecider);
    return requireRegistrationView(state);
  }

  assertReviewer(actor: Actor, registration: LoadedRegistration): void {
    this.access.assertCanWrite(actor, registration.state.ref.programmeUnitCode);
  }

  assertOwnerOrReviewer(actor: Actor, registration: LoadedRegistration): void {
    const { ref, enterpriseAccountId } = registration.state;
    if (isEnterpriseUser(actor) && enterpriseAccountId && actor.enterpriseId === enterpriseAccountId) return;
    this.access.assertCanWrite(actor, ref.programmeUnitCode);
  }

  assertCanRead(actor: Actor, view: Pick<RegistrationView, 'unitCode' | 'programmeUnitCode' | 'enterpriseAccountId'>): void {
    const asRecord = this.access.decide(actor, { unit: view.unitCode, enterpriseId: view.enterpriseAccountId }, 'read');
    if (asRecord.allowed || this.access.canRead(actor, view.programmeUnitCode)) return;
    throw new Forbidden(asRecord.reason ?? 'You may not see this registration.', { unit: view.unitCode });
  }

  /**
   * Gives the registration's seat back to its programme (idempotent: nothing held, nothing written).
   * Used after a withdrawal of an approved registration, after a refused approval (compensation) and
   * after a rejection (a seat left by an approval that crashed half-way).
   */
  async releaseSeat(ref: RegistrationRef, reason: string, context: CommandContext): Promise<void> {
    await this.runner.run(
      programmeStreamId(ref.programmeId),
      supportProgrammeDecider,
      { type: 'ReleaseSeat', registrationId: ref.registrationId, reason, now: context.nowIso },
      context.step('release'),
      { unit: ref.programmeUnitCode, reason, contended: CONTENDED_ATTEMPTS },
    );
  }

  /** As releaseSeat, for compensation: a failure is logged (the seat can be released by a later retry), never thrown. */
  async releaseSeatQuietly(ref: RegistrationRef, reason: string, context: CommandContext): Promise<void> {
    try {
      await this.releaseSeat(ref, reason, context);
    } catch (error) {
      this.logger.error(`Could not release the seat of ${ref.registrationId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
