import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { EventLog } from '../common/event-log';
import { isUnitOfficer, nowIso, requireCurrentUnit } from '../common/scope';
import { EnterpriseView, enterpriseView } from '../common/views';
import { enterpriseDecider, EnterpriseProfileData, EnterpriseState, enterpriseStreamId } from '@nangsuat/contracts/support-programs';
import { UpdateEnterpriseDto } from '../register-enterprise/register-enterprise.dto';

/** Profile changes: the enterprise's own users, or officers of its unit subtree (and of the new unit, when it moves). */
@Injectable()
export class UpdateEnterpriseHandler {
  constructor(
    private readonly log: EventLog,
    private readonly access: AccessPolicy,
  ) {}

  async handle(enterpriseId: string, dto: UpdateEnterpriseDto, actor: Actor, req: Request): Promise<EnterpriseView> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<EnterpriseProfileData>;
    const { state } = await this.log.load<never, EnterpriseState>(enterpriseStreamId(enterpriseId), enterpriseDecider);
    if (state.status !== 'registered' || !state.profile) throw new NotFound(`No enterprise ${enterpriseId}.`);
    this.access.assertCanAccessRecord(actor, { unit: state.profile.unitCode, enterpriseId: state.accountId }, 'write');
    if (changes.unitCode !== undefined && changes.unitCode !== state.profile.unitCode) {
      requireCurrentUnit(changes.unitCode);
      const ownEnterprise = !!state.accountId && state.accountId === actor.enterpriseId;
      if (isUnitOfficer(actor) && !ownEnterprise) this.access.assertCanWrite(actor, changes.unitCode);
      else if (!seedUnitTree.isWithin(changes.unitCode, actor.unit)) {
        throw new Forbidden(`Your account acts in unit ${actor.unit}; the enterprise's unit must lie within it (got ${changes.unitCode}).`, { unit: changes.unitCode });
      }
    }
    const result = await this.log.execute(
      enterpriseStreamId(enterpriseId),
      enterpriseDecider,
      { type: 'UpdateEnterpriseProfile', changes, now: nowIso() },
      { metadata: eventMetadata(req, actor, changes.unitCode ?? state.profile.unitCode), commandId: commandIdOf(req) },
    );
    return enterpriseView(result.state, result.version);
  }
}
