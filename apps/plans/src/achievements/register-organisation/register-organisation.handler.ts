import { Injectable } from '@nestjs/common';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { AccessPolicy } from '@nangsuat/auth';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { organisationDecider, OrganisationDetails, organisationStreamId } from '@nangsuat/contracts/plans';
import { organisationView, OrganisationView } from '../achievement-view';

/** Registers an organisation achievements are recorded for, within the officer's unit subtree. */
@Injectable()
export class RegisterOrganisationHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, input: OrganisationDetails & { organisationId?: string }): Promise<OrganisationView & { duplicate: boolean }> {
    if (!administrativeUnits.has(input.unitCode)) throw new DomainRuleViolation(`Unknown administrative unit "${input.unitCode}"; use an official unit code such as "58" or "51-NGOKBAY".`, 'unknown-unit');
    this.access.assertCanWrite(context.actor, input.unitCode);
    const { organisationId: given, ...details } = input;
    const organisationId = given ?? context.newRecordId();
    const result = await this.runner.run(organisationStreamId(organisationId), organisationDecider, { type: 'RegisterOrganisation', organisationId, ...details }, context, { unit: input.unitCode });
    return { ...organisationView(result.state, result.version), duplicate: result.duplicate };
  }
}
