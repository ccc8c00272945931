import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Forbidden } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { EventLog } from '../common/event-log';
import { Registrations } from '../common/registrations';
import { nowIso } from '../common/scope';
import { RegistrationView } from '../common/views';
import { enterpriseAccountDecider, EnterpriseAccountState, enterpriseAccountStreamId, enterpriseDecider, enterpriseSnapshot, EnterpriseState, enterpriseStreamId, linkedEnterpriseId, pilotModelRegistrationDecider, programmeSnapshot, ProgrammeState, programmeStreamId, registrationIdFor, registrationStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { SubmitRegistrationDto } from './submit-registration.dto';

/**
 * An enterprise registers itself for a pilot model under a programme. The registration id is
 * `<programmeId>:<enterpriseId>`, so a second registration (also a concurrent one) is refused: 409.
 */
@Injectable()
export class SubmitRegistrationHandler {
  constructor(
    private readonly log: EventLog,
    private readonly access: AccessPolicy,
    private readonly registrations: Registrations,
  ) {}

  async handle(programmeId: string, dto: SubmitRegistrationDto, actor: Actor, req: Request): Promise<RegistrationView> {
    if (!actor.enterpriseId) throw new Forbidden('Your account carries no enterprise_id; only an enterprise registers itself for a pilot model.');
    const enterpriseId = dto.enterpriseId ?? (await this.myEnterprise(actor.enterpriseId));
    const { state: enterpriseState } = await this.log.load<never, EnterpriseState>(enterpriseStreamId(enterpriseId), enterpriseDecider);
    const enterprise = enterpriseSnapshot(enterpriseState);
    this.access.assertOwnEnterprise(actor, enterprise.accountId ?? '(an enterprise without account)');
    const { state: programmeState } = await this.log.load<never, ProgrammeState>(programmeStreamId(programmeId), supportProgrammeDecider);
    const programme = programmeSnapshot(programmeState);
    const streamId = registrationStreamId(programmeId, enterpriseId);
    await this.log.execute(
      streamId,
      pilotModelRegistrationDecider,
      {
        type: 'SubmitRegistration',
        registrationId: registrationIdFor(programmeId, enterpriseId),
        programme,
        enterprise,
        tools: dto.tools,
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        now: nowIso(),
      },
      { metadata: eventMetadata(req, actor, enterprise.unitCode), commandId: commandIdOf(req) },
    );
    return this.registrations.view(streamId);
  }

  private async myEnterprise(accountId: string): Promise<string> {
    const { state } = await this.log.load<never, EnterpriseAccountState>(enterpriseAccountStreamId(accountId), enterpriseAccountDecider);
    return linkedEnterpriseId(state);
  }
}
