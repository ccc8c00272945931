import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, DomainRuleViolation, NotFound, sha256Hex } from '@nangsuat/event-sourcing';
import { commandIdOf, CommandRunner } from '@nangsuat/service-runtime';
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

  /** A new record's id: the client's, else one derived from the Idempotency-Key (a retry finds the same stream), else random. */
  private newId(req: Request, given?: string): string {
    if (given) return given;
    const commandId = commandIdOf(req);
    return commandId ? sha256Hex(commandId).slice(0, 32) : randomUUID();
  }

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

  async registerOrganisation(req: Request, actor: Actor, input: OrganisationDetails & { organisationId?: string }): Promise<OrganisationView & { duplicate: boolean }> {
    if (!seedUnitTree.has(input.unitCode)) throw new DomainRuleViolation(`Unknown administrative unit "${input.unitCode}"; use an official unit code such as "58" or "51-NGOKBAY".`, 'unknown-unit');
    this.access.assertCanWrite(actor, input.unitCode);
    const organisationId = this.newId(req, input.organisationId);
    const { organisationId: _given, ...details } = input;
    void _given;
    const result = await this.runner.run(req, actor, organisationStreamId(organisationId), organisationDecider, { type: 'RegisterOrganisation', organisationId, ...details }, { unit: input.unitCode });
    return { ...organisationView(result.state, result.version), duplicate: result.duplicate };
  }

  async record(req: Request, actor: Actor, input: RecordInput): Promise<AchievementView & { duplicate: boolean }> {
    const [{ state: org }, lookup] = await Promise.all([this.organisation(input.organisationId), this.catalogue.lookup()]);
    this.access.assertCanWrite(actor, org.details!.unitCode);
    const achievementId = this.newId(req, input.achievementId);
    const result = await this.runner.run(
      req,
      actor,
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
        recordedBy: person(actor),
        today: toVietnamDate(new Date()),
      },
      { unit: org.details!.unitCode, reason: `Ghi nhận: ${input.evidence}` },
    );
    return { ...achievementView(result.state, result.version), duplicate: result.duplicate };
  }

  async review(
    req: Request,
    actor: Actor,
    achievementId: string,
    action: { type: 'VerifyAchievement'; note?: string } | { type: 'RefuseAchievement'; reason: string } | { type: 'WithdrawAchievement'; reason: string },
  ): Promise<AchievementView & { duplicate: boolean }> {
    const { state } = await this.achievement(achievementId);
    const unit = state.facts!.unitCode;
    this.access.assertCanWrite(actor, unit);
    const reason = 'reason' in action ? action.reason : action.note;
    const result = await this.runner.run(
      req,
      actor,
      achievementStreamId(achievementId),
      achievementDecider,
      { ...action, achievementId, by: person(actor), at: new Date().toISOString() } as never,
      { unit, reason },
    );
    return { ...achievementView(result.state, result.version), duplicate: result.duplicate };
  }
}
