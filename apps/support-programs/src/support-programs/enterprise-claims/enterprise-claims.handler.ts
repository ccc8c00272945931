import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Conflict, DomainRuleViolation, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { isEnterpriseUser, isUnitOfficer, requireCurrentUnit } from '../common/scope';
import { enterpriseClaimDecider, EnterpriseClaimState, enterpriseClaimStreamId, enterpriseDecider, enterpriseIdForTaxCode, EnterpriseState, enterpriseStreamId, parseTaxCode } from '@nangsuat/contracts/support-programs';
import { RegisterEnterpriseHandler } from '../register-enterprise/register-enterprise.handler';
import { ClaimReasonDto, SubmitEnterpriseClaimDto } from './enterprise-claims.dto';
import { IdentityAccounts } from './identity-accounts';

export interface EnterpriseClaimView {
  readonly id: string;
  readonly status: EnterpriseClaimState['status'];
  readonly taxCode: string;
  readonly enterpriseId: string;
  readonly enterpriseName: string;
  readonly unitCode: string;
  readonly existing: boolean;
  readonly claimant: { readonly userId: string; readonly username: string; readonly email?: string };
  readonly accountId?: string;
  readonly reason?: string;
  readonly decidedBy?: string;
  readonly version: number;
}

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
          profile,
          submittedAt: context.nowIso,
        },
      },
      context,
      { unit: unitCode },
    );
    return view(result.state, result.version);
  }

  async get(claimId: string, actor: Actor): Promise<EnterpriseClaimView> {
    const { state, version } = await this.load(claimId);
    if (state.claim!.claimant.userId !== actor.id) this.access.assertCanRead(actor, state.claim!.unitCode);
    return view(state, version);
  }

  async confirm(context: CommandContext, claimId: string): Promise<EnterpriseClaimView> {
    const { state } = await this.load(claimId);
    const claim = state.claim!;
    this.access.assertCanWrite(context.actor, claim.unitCode);
    let accountId = state.accountId;
    if (!accountId) {
      const { state: enterprise } = await this.runner.load<never, EnterpriseState>(enterpriseStreamId(claim.enterpriseId), enterpriseDecider);
      if (enterprise.status === 'registered') {
        if (!enterprise.accountId) {
          throw new DomainRuleViolation(
            `Enterprise ${claim.enterpriseId} was registered without an account; it cannot be linked to a person yet (give it an account first).`,
            'enterprise-without-account',
          );
        }
        accountId = enterprise.accountId;
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
    return view(result.state, result.version);
  }

  async refuse(context: CommandContext, claimId: string, dto: ClaimReasonDto): Promise<EnterpriseClaimView> {
    const { state } = await this.load(claimId);
    this.access.assertCanWrite(context.actor, state.claim!.unitCode);
    const result = await this.runner.run(
      enterpriseClaimStreamId(claimId),
      enterpriseClaimDecider,
      { type: 'RefuseClaim', reason: dto.reason, by: context.actor.username, now: context.nowIso },
      context,
      { unit: state.claim!.unitCode, reason: dto.reason },
    );
    return view(result.state, result.version);
  }

  async revoke(context: CommandContext, claimId: string, dto: ClaimReasonDto): Promise<EnterpriseClaimView> {
    const { state } = await this.load(claimId);
    this.access.assertCanWrite(context.actor, state.claim!.unitCode);
    const result = await this.runner.run(
      enterpriseClaimStreamId(claimId),
      enterpriseClaimDecider,
      { type: 'RevokeLink', reason: dto.reason, by: context.actor.username, now: context.nowIso },
      context,
      { unit: state.claim!.unitCode, reason: dto.reason },
    );
    await this.identity.unlink(state.claim!.claimant.userId);
    return view(result.state, result.version);
  }

  private async load(claimId: string): Promise<{ state: EnterpriseClaimState; version: number }> {
    if (!/^[0-9]{10}(-[0-9]{3})?-[0-9a-f]{16}$/.test(claimId)) throw new NotFound(`No enterprise claim ${JSON.stringify(claimId.slice(0, 80))}.`);
    const loaded = await this.runner.load<never, EnterpriseClaimState>(enterpriseClaimStreamId(claimId), enterpriseClaimDecider);
    if (loaded.state.status === 'none') throw new NotFound(`No enterprise claim ${claimId}.`);
    return loaded;
  }
}

function view(state: EnterpriseClaimState, version: number): EnterpriseClaimView {
  const c = state.claim!;
  return {
    id: c.claimId,
    status: state.status,
    taxCode: c.taxCode,
    enterpriseId: c.enterpriseId,
    enterpriseName: c.profile.name,
    unitCode: c.unitCode,
    existing: c.existing,
    claimant: c.claimant,
    ...(state.accountId ? { accountId: state.accountId } : {}),
    ...(state.reason ? { reason: state.reason } : {}),
    ...(state.decidedBy ? { decidedBy: state.decidedBy } : {}),
    version,
  };
}

export const isEnterpriseClaimant = (actor: Actor): boolean => !isEnterpriseUser(actor) && !isUnitOfficer(actor);
