import { Injectable } from '@nestjs/common';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Conflict, Forbidden } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { isEnterpriseUser, isUnitOfficer, requireCurrentUnit } from '../common/scope';
import { EnterpriseView, enterpriseView } from '../common/views';
import { enterpriseAccountDecider, EnterpriseAccountState, enterpriseAccountStreamId, enterpriseDecider, enterpriseIdForTaxCode, enterpriseStreamId, parseTaxCode } from '@nangsuat/contracts/support-programs';
import { RegisterEnterpriseDto } from './register-enterprise.dto';

/**
 * An enterprise registers itself (its account — the token's enterprise_id — becomes the
 * enterprise's accountId), or an officer registers it on behalf, within the officer's unit.
 *
 * Two appends: the enterprise stream (id from the tax code, so one tax code is one enterprise), then
 * the account link `enterprise-account-<accountId>` (one enterprise per account). Everything that
 * can refuse is checked before the first append, so a refused request writes nothing.
 */
@Injectable()
export class RegisterEnterpriseHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, dto: RegisterEnterpriseDto): Promise<EnterpriseView> {
    const unitCode = requireCurrentUnit(dto.unitCode);
    const accountId = this.accountFor(dto, context.actor, unitCode);
    const taxCode = parseTaxCode(dto.taxCode).value;
    const enterpriseId = enterpriseIdForTaxCode(taxCode);
    const replay = await this.runner.previousResult(enterpriseStreamId(enterpriseId), enterpriseDecider, context);
    if (replay) return enterpriseView(replay.state, replay.version);

    if (accountId) {
      const { state: link } = await this.runner.load<never, EnterpriseAccountState>(enterpriseAccountStreamId(accountId), enterpriseAccountDecider);
      if (link.enterpriseId && link.enterpriseId !== enterpriseId) {
        throw new Conflict(`Account ${accountId} already acts for enterprise ${link.enterpriseId}; one account acts for one enterprise.`, 'account-already-linked', {
          accountId,
          enterpriseId: link.enterpriseId,
        });
      }
    }
    const now = context.nowIso;
    const result = await this.runner.run(
      enterpriseStreamId(enterpriseId),
      enterpriseDecider,
      { type: 'RegisterEnterprise', enterpriseId, taxCode, name: dto.name, unitCode, sector: dto.sector, size: dto.size, group: dto.group, ...(accountId ? { accountId } : {}), now },
      context,
      { unit: unitCode },
    );
    if (accountId) {
      await this.runner.run(
        enterpriseAccountStreamId(accountId),
        enterpriseAccountDecider,
        { type: 'LinkEnterpriseAccount', accountId, enterpriseId, unitCode, now },
        context.step('account'),
        { unit: unitCode },
      );
    }
    return enterpriseView(result.state, result.version);
  }

  /** The account the enterprise will be linked to, after checking who may register it where. */
  private accountFor(dto: RegisterEnterpriseDto, actor: Actor, unitCode: string): string | undefined {
    if (isUnitOfficer(actor)) {
      this.access.assertCanWrite(actor, unitCode);
      return dto.accountId;
    }
    if (isEnterpriseUser(actor)) {
      if (!actor.enterpriseId) throw new Forbidden('Your account carries no enterprise_id; ask the administrator to set it before registering your enterprise.');
      if (dto.accountId !== undefined && dto.accountId !== actor.enterpriseId) {
        throw new Forbidden(`You act only for enterprise account ${actor.enterpriseId}; you cannot register an enterprise for account ${dto.accountId}.`);
      }
      if (!administrativeUnits.isWithin(unitCode, actor.unit)) {
        throw new Forbidden(`Your account acts in unit ${actor.unit}; the enterprise's unit must lie within it (got ${unitCode}).`, { unit: unitCode });
      }
      return actor.enterpriseId;
    }
    // Read-only and other roles are refused earlier by the guard and @Roles; keep a clear answer anyway.
    this.access.assertCanWrite(actor, unitCode);
    return dto.accountId;
  }
}
