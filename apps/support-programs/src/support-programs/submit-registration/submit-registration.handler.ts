import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Forbidden } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { Registrations } from '../common/registrations';

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
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly registrations: Registrations,
  ) {}

  async handle(context: CommandContext, programmeId: string, dto: SubmitRegistrationDto): Promise<RegistrationView> {
    if (!context.actor.enterpriseId) throw new Forbidden('Your account carries no enterprise_id; only an enterprise registers itself for a pilot model.');
    const enterpriseId = dto.enterpriseId ?? (await this.myEnterprise(context.actor.enterpriseId));
    const { state: enterpriseState } = await this.runner.load<never, EnterpriseState>(enterpriseStreamId(enterpriseId), enterpriseDecider);
    const enterprise = enterpriseSnapshot(enterpriseState);
    this.access.assertOwnEnterprise(context.actor, enterprise.accountId ?? '(an enterprise without account)');
    const { state: programmeState } = await this.runner.load<never, ProgrammeState>(programmeStreamId(programmeId), supportProgrammeDecider);
    const programme = programmeSnapshot(programmeState);
    const streamId = registrationStreamId(programmeId, enterpriseId);
    await this.runner.run(
      streamId,
      pilotModelRegistrationDecider,
      {
        type: 'SubmitRegistration',
        registrationId: registrationIdFor(programmeId, enterpriseId),
        programme,
        enterprise,
        tools: dto.tools,
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        now: context.nowIso,
      },
      context,
      { unit: enterprise.unitCode },
    );
    return this.registrations.view(streamId);
  }

  private async myEnterprise(accountId: string): Promise<string> {
    const { state } = await this.runner.load<never, EnterpriseAccountState>(enterpriseAccountStreamId(accountId), enterpriseAccountDecider);
    return linkedEnterpriseId(state);
  }
}
