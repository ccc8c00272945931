import { Injectable } from '@nestjs/common';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { AccessPolicy } from '@nangsuat/auth';
import { Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { isUnitOfficer, requireCurrentUnit } from '../common/scope';
import { EnterpriseView, enterpriseView } from '../common/views';
import { enterpriseDecider, EnterpriseProfileData, EnterpriseState, enterpriseStreamId } from '@nangsuat/contracts/support-programs';
import { UpdateEnterpriseDto } from '../register-enterprise/register-enterprise.dto';

/** Profile changes: the enterprise's own users, or officers of its unit subtree (and of the new unit, when it moves). */
@Injectable()
export class UpdateEnterpriseHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, enterpriseId: string, dto: UpdateEnterpriseDto): Promise<EnterpriseView> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<EnterpriseProfileData>;
    const { state } = await this.runner.load<never, EnterpriseState>(enterpriseStreamId(enterpriseId), enterpriseDecider);
    if (state.status !== 'registered' || !state.profile) throw new NotFound(`No enterprise ${enterpriseId}.`);
    this.access.assertCanAccessRecord(context.actor, { unit: state.profile.unitCode, enterpriseId: state.accountId }, 'write');
    if (changes.unitCode !== undefined && changes.unitCode !== state.profile.unitCode) {
      requireCurrentUnit(changes.unitCode);
      const ownEnterprise = !!state.accountId && state.accountId === context.actor.enterpriseId;
      if (isUnitOfficer(context.actor) && !ownEnterprise) this.access.assertCanWrite(context.actor, changes.unitCode);
      else if (!administrativeUnits.isWithin(changes.unitCode, context.actor.unit)) {
        throw new Forbidden(`Your account acts in unit ${context.actor.unit}; the enterprise's unit must lie within it (got ${changes.unitCode}).`, { unit: changes.unitCode });
      }
    }
    const result = await this.runner.run(
      enterpriseStreamId(enterpriseId),
      enterpriseDecider,
      { type: 'UpdateEnterpriseProfile', changes, now: context.nowIso },
      context,
      { unit: changes.unitCode ?? state.profile.unitCode },
    );
    return enterpriseView(result.state, result.version);
  }
}
