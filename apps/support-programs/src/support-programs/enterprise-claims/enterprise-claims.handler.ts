import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Conflict, DomainRuleViolation, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { isEnterpriseUser, isUnitOfficer, requireCurrentUnit } from '../common/scope';
import {
  EnterpriseAccountState,
  enterpriseAccountDecider,
  enterpriseAccountStreamId,
  enterpriseClaimDecider,
  EnterpriseClaimState,
  enterpriseClaimStreamId,
  enterpriseDecider,
  enterpriseIdForTaxCode,
  EnterpriseState,
  enterpriseStreamId,
  parseTaxCode,
} from '@nangsuat/contracts/support-programs';
import { RegisterEnterpriseHandler } from '../register-enterprise/register-enterprise.handler';
import { ClaimReasonDto, SubmitEnterpriseClaimDto } from './enterprise-claims.dto';
import { EnterpriseClaimView, enterpriseClaimView } from './enterprise-claim-view';
import { IdentityAccounts } from './identity-accounts';

/** A new enterprise claimed and confirmed gets this account id (its users' enterprise_id claim). */
export const accountIdForTaxCode = (taxCode: string): string => `MST-${taxCode}`;

/**
 * Enterprise onboarding: a person who signed up (no unit, no role yet) claims an enterprise; the
 * officer of its unit confirms — the account is linked in Keycloak — or refuses; a link can be
 * revoked. Claims are events (stream enterprise-claim-<id>); the link itself lives in Keycloak.
 */
@Injectable()
export class EnterpriseClaimsHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly identity: IdentityAccounts,
    private readonly enterprises: RegisterEnterpriseHandler,
  ) {}

  async submit(context: CommandContext, dto: SubmitEnterpriseClaimDto): Promise<EnterpriseClaimView> {
    if (context.actor.enterpriseId) throw new Conflict(`Your account already acts for enterprise account ${context.actor.enterpriseId}.`, 'already-linked');
    if (isUnitOfficer(context.actor) || (context.actor.roles ?? []).length > 0) {
      throw new Forbidden('Enterprise claims are for people who signed up themselves; officials register enterprises with POST /enterprises.');
    }
    const taxCode = parseTaxCode(dto.taxCode).value;
    const enterpriseId = enterpriseIdForTaxCode(taxCode);
    const { state: enterprise } = await this.runner.load<never, EnterpriseState>(enterpriseStreamId(enterpriseId), enterpriseDecider);
    const existing = enterprise.status === 'registered' && !!enterprise.profile;
    let unitCode: string;
    let profile: { name: string; sector: string; size: NonNullable<SubmitEnterpriseClaimDto['size']>; group: NonNullable<SubmitEnterpriseClaimDto['group']> };
    if (existing) {
      const { unitCode: unit, ...rest } = enterprise.profile!;
      unitCode = unit;
      profile = rest;
    } else {
      const missing = (['name', 'unitCode', 'sector', 'size', 'group'] as const).filter((f) => dto[f] === undefined);
      if (missing.length > 0) {
        throw new DomainRuleViolation(
          `No enterprise with tax code ${taxCode} is registered yet; to claim it as a new one, give also: ${missing.join(', ')}.`,
          'profile-required',
          { field: missing[0] },
        );
      }
      unitCode = requireCurrentUnit(dto.unitCode!);
      profile = { name: dto.name!.normalize('NFC').trim(), sector: dto.sector!.normalize('NFC').trim(), size: dto.size!, group: dto.group! };
    }
    const account = await this.identity.user(context.actor.id);
    if (!account?.emailVerified) throw new Forbidden('Verify your email address first (Keycloak sent you a link when you signed up), then claim the enterprise.');
    const claimId = `${taxCode}-${createHash('sha256').update(context.actor.id).digest('hex').slice(0, 16)}`;
    const result = await this.runner.run(
      enterpriseClaimStreamId(claimId),
      enterpriseClaimDecider,
      {
        type: 'SubmitClaim',
        claim: {
          claimId,
          claimant: { userId: context.actor.id, username: context.actor.username, ...(account.email ? { email: account.email } : {}) },
          taxCode,
          enterpriseId,
          unitCode,
          existing,
          ...(existing && enterprise.accountId ? { enterpriseAccountId: enterprise.accountId } : {}),
          profile,
          submittedAt: context.nowIso,
        },
      },
      context,
      { unit: unitCode },
    );
    return enterpriseClaimView(result.state, result.version);
  }

  async get(claimId: string, actor: Actor): Promise<EnterpriseClaimView> {
    const { state, version } = await this.load(claimId);
    const claim = state.claim!;
    if (claim.claimant.userId !== actor.id) this.access.assertCanAccessRecord(actor, { unit: claim.unitCode, enterpriseId: claim.enterpriseAccountId }, 'read');
    return enterpriseClaimView(state, version);
  }

  /**
   * The officer of the enterprise's unit (or above) confirms; so may a person already acting for the
   * enterprise (a colleague vouching for the next). An enterprise an officer registered without an
   * account gets one here (MST-<tax code>), so the person can be linked to it.
   */
  async confirm(context: CommandContext, claimId: string): Promise<EnterpriseClaimView> {
    const { state } = await this.load(claimId);
    const claim = state.claim!;
    const { state: enterprise } = await this.runner.load<never, EnterpriseState>(enterpriseStreamId(claim.enterpriseId), enterpriseDecider);
    this.assertMayDecide(context.actor, claim.unitCode, enterprise);
    let accountId = state.accountId;
    if (!accountId) {
      if (enterprise.status === 'registered') {
        accountId = enterprise.accountId ?? (await this.assignAccount(context, claim.enterpriseId, claim.taxCode, claim.unitCode));
      } else {
        accountId = accountIdForTaxCode(claim.taxCode);
        // The new enterprise, registered by the confirming officer on the claimant's behalf.
        // (its steps keep their own keys: the request's key on the enterprise, <key>:account on the link, <key>:confirm below)
        await this.enterprises.handle(context, { taxCode: claim.taxCode, unitCode: claim.unitCode, accountId, ...claim.profile });
      }
    }
    const result = await this.runner.run(
      enterpriseClaimStreamId(claimId),
      enterpriseClaimDecider,
      { type: 'ConfirmClaim', accountId, by: context.actor.username, now: context.nowIso },
      context.step('confirm'),
      { unit: claim.unitCode },
    );
    // After the event: a failure here leaves a confirmed claim whose link a repeated confirmation completes.
    await this.identity.link(claim.claimant.userId, accountId, claim.unitCode);
    return enterpriseClaimView(result.state, result.version);
  }

  async refuse(context: CommandContext, claimId: string, dto: ClaimReasonDto): Promise<EnterpriseClaimView> {
    const { state } = await this.load(claimId);
    const { state: enterprise } = await this.runner.load<never, EnterpriseState>(enterpriseStreamId(state.claim!.enterpriseId), enterpriseDecider);
    this.assertMayDecide(context.actor, state.claim!.unitCode, enterprise);
    const result = await this.runner.run(
      enterpriseClaimStreamId(claimId),
      enterpriseClaimDecider,
      { type: 'RefuseClaim', reason: dto.reason, by: context.actor.username, now: context.nowIso },
      context,
      { unit: state.claim!.unitCode, reason: dto.reason },
    );
    return enterpriseClaimView(result.state, result.version);
  }

  async revoke(context: CommandContext, claimId: string, dto: ClaimReasonDto): Promise<EnterpriseClaimView> {
    const { state } = await this.load(claimId);
    this.assertMayRevoke(context.actor, state);
    const result = await this.runner.run(
      enterpriseClaimStreamId(claimId),
      enterpriseClaimDecider,
      { type: 'RevokeLink', reason: dto.reason, by: context.actor.username, now: context.nowIso },
      context,
      { unit: state.claim!.unitCode, reason: dto.reason },
    );
    await this.identity.unlink(state.claim!.claimant.userId);
    return enterpriseClaimView(result.state, result.version);
  }

  /** Officers of the enterprise's unit subtree; or the enterprise's own users, for a registered enterprise with its account. */
  private assertMayDecide(actor: Actor, unitCode: string, enterprise: EnterpriseState): void {
    if (isEnterpriseUser(actor) && !isUnitOfficer(actor)) {
      if (enterprise.status !== 'registered' || !enterprise.accountId) {
        throw new Forbidden('Only the officer of its unit can confirm a claim for an enterprise that has no users yet.');
      }
      this.access.assertCanAccessRecord(actor, { unit: unitCode, enterpriseId: enterprise.accountId }, 'write');
      return;
    }
    this.access.assertCanWrite(actor, unitCode);
  }

  /**
   * Officers of the unit subtree revoke any link; a person acting for the enterprise revokes a
   * colleague's (someone who left) but not their own, so nobody locks themselves out by a misclick.
   */
  private assertMayRevoke(actor: Actor, state: EnterpriseClaimState): void {
    const claim = state.claim!;
    if (isEnterpriseUser(actor) && !isUnitOfficer(actor)) {
      if (claim.claimant.userId === actor.id) {
        throw new Forbidden(`You cannot revoke your own link to ${claim.profile.name}; ask a colleague who acts for it or an officer of ${claim.unitCode}.`);
      }
      if (!state.accountId) throw new Forbidden('Only an officer of its unit can revoke a claim that was never confirmed.');
      this.access.assertCanAccessRecord(actor, { unit: claim.unitCode, enterpriseId: state.accountId }, 'write');
      return;
    }
    this.access.assertCanWrite(actor, claim.unitCode);
  }

  /** Gives an enterprise registered without an account its account, and the account's link to it. */
  private async assignAccount(context: CommandContext, enterpriseId: string, taxCode: string, unitCode: string): Promise<string> {
    const accountId = accountIdForTaxCode(taxCode);
    const { state: link } = await this.runner.load<never, EnterpriseAccountState>(enterpriseAccountStreamId(accountId), enterpriseAccountDecider);
    if (link.enterpriseId && link.enterpriseId !== enterpriseId) {
      throw new Conflict(`Account ${accountId} already acts for enterprise ${link.enterpriseId}; ask the administrator.`, 'account-already-linked', { accountId });
    }
    const now = context.nowIso;
    await this.runner.run(enterpriseStreamId(enterpriseId), enterpriseDecider, { type: 'AssignEnterpriseAccount', accountId, now }, context.step('assign-account'), { unit: unitCode });
    await this.runner.run(
      enterpriseAccountStreamId(accountId),
      enterpriseAccountDecider,
      { type: 'LinkEnterpriseAccount', accountId, enterpriseId, unitCode, now },
      context.step('account'),
      { unit: unitCode },
    );
    return accountId;
  }

  private async load(claimId: string): Promise<{ state: EnterpriseClaimState; version: number }> {
    if (!/^[0-9]{10}(-[0-9]{3})?-[0-9a-f]{16}$/.test(claimId)) throw new NotFound(`No enterprise claim ${JSON.stringify(claimId.slice(0, 80))}.`);
    const loaded = await this.runner.load<never, EnterpriseClaimState>(enterpriseClaimStreamId(claimId), enterpriseClaimDecider);
    if (loaded.state.status === 'none') throw new NotFound(`No enterprise claim ${claimId}.`);
    return loaded;
  }
}

export const isEnterpriseClaimant = (actor: Actor): boolean => !isEnterpriseUser(actor) && !isUnitOfficer(actor);
