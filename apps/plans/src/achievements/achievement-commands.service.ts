import { Injectable } from '@nestjs/common';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { IndicatorCatalogue } from '../indicators/indicator-catalogue.service';
import { achievementDecider, AchievementState, achievementStreamId, organisationDecider, OrganisationDetails, OrganisationState, organisationStreamId, Person } from '@nangsuat/contracts/plans';
import { achievementView, AchievementView, organisationView, OrganisationView } from './achievement-view';

export interface RecordInput {
  readonly achievementId?: string;
  readonly indicator: string;
  readonly organisationId: string;
  readonly subjectRef?: string;
  readonly achievedOn: string;
  readonly description: string;
  readonly evidence: string;
  readonly value?: number;
}

const person = (actor: Actor): Person => ({ username: actor.username, unit: actor.unit, roles: actor.roles ?? [] });

/**
 * Runs organisation and achievement commands for a person: the record's unit decides who may act
 * (AccessPolicy: within their unit's subtree), the deciders decide what happens (who is "the unit
 * above"), the command runner appends (Idempotency-Key honoured).
 */
@Injectable()
export class AchievementCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  async organisation(organisationId: string): Promise<{ state: OrganisationState; version: number }> {
    const loaded = await this.runner.load(organisationStreamId(organisationId), organisationDecider);
    if (!loaded.state.details) throw new NotFound(`No organisation ${organisationId} is registered.`, { organisationId });
    return loaded;
  }

  async achievement(achievementId: string): Promise<{ state: AchievementState; version: number }> {
    const loaded = await this.runner.load(achievementStreamId(achievementId), achievementDecider);
    if (loaded.state.status === 'none') throw new NotFound(`No achievement ${achievementId} is recorded.`, { achievementId });
    return loaded;
  }

  async registerOrganisation(context: CommandContext, input: OrganisationDetails & { organisationId?: string }): Promise<OrganisationView & { duplicate: boolean }> {
    if (!administrativeUnits.has(input.unitCode)) throw new DomainRuleViolation(`Unknown administrative unit "${input.unitCode}"; use an official unit code such as "58" or "51-NGOKBAY".`, 'unknown-unit');
    this.access.assertCanWrite(context.actor, input.unitCode);
    const organisationId = input.organisationId ?? context.newRecordId();
    const { organisationId: _given, ...details } = input;
    void _given;
    const result = await this.runner.run(organisationStreamId(organisationId), organisationDecider, { type: 'RegisterOrganisation', organisationId, ...details }, context, { unit: input.unitCode });
    return { ...organisationView(result.state, result.version), duplicate: result.duplicate };
  }

  async record(context: CommandContext, input: RecordInput): Promise<AchievementView & { duplicate: boolean }> {
    const [{ state: org }, lookup] = await Promise.all([this.organisation(input.organisationId), this.catalogue.lookup()]);
    this.access.assertCanWrite(context.actor, org.details!.unitCode);
    const achievementId = input.achievementId ?? context.newRecordId();
    const result = await this.runner.run(
      achievementStreamId(achievementId),
      achievementDecider,
      {
        type: 'RecordAchievement',
        achievementId,
        indicatorCode: input.indicator,
        indicator: lookup(input.indicator),
        organisationId: input.organisationId,
        organisation: org.details,
        subjectRef: input.subjectRef,
        achievedOn: input.achievedOn,
        description: input.description,
        evidence: input.evidence,
        value: input.value,
        recordedBy: person(context.actor),
        today: toVietnamDate(context.now),
      },
      context,
      { unit: org.details!.unitCode, reason: `Ghi nhận: ${input.evidence}` },
    );
    return { ...achievementView(result.state, result.version), duplicate: result.duplicate };
  }

  async review(
    context: CommandContext,
    achievementId: string,
    action: { type: 'VerifyAchievement'; note?: string } | { type: 'RefuseAchievement'; reason: string } | { type: 'WithdrawAchievement'; reason: string },
  ): Promise<AchievementView & { duplicate: boolean }> {
    const { state } = await this.achievement(achievementId);
    const unit = state.facts!.unitCode;
    this.access.assertCanWrite(context.actor, unit);
    const reason = 'reason' in action ? action.reason : action.note;
    const result = await this.runner.run(
      achievementStreamId(achievementId),
      achievementDecider,
      { ...action, achievementId, by: person(context.actor), at: context.nowIso } as never,
      context,
      { unit, reason },
    );
    return { ...achievementView(result.state, result.version), duplicate: result.duplicate };
  }
}
