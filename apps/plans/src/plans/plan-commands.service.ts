import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessPolicy } from '@nangsuat/auth';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { Actor, COMMAND_HANDLER, CommandHandlerPort, DomainRuleViolation, NotFound } from '@nangsuat/event-store';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { assertTargetsInCatalogue, createPlanDecider, documentNumberKey, documentNumberRegistryDecider, documentNumberStreamId, IssuePlan, normalizeDocumentNumber, PlanCommand, PlanState, planStreamId } from '@nangsuat/contracts/plans';
import { PlanView, toPlanView } from './plan-view';
import type { Target } from '@nangsuat/contracts/plans';
import { IndicatorCatalogue } from '../indicators/indicator-catalogue.service';
import { toVietnamDate } from '@nangsuat/vietnamese';

/**
 * Runs plan commands for a person: the plan's issuing unit decides who may act (its subtree's
 * officers), the decider decides what happens, the store appends with the expected version.
 */
@Injectable()
export class PlanCommands {
  readonly decider = createPlanDecider({ units: seedUnitTree });

  constructor(
    @Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort,
    private readonly access: AccessPolicy,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  async load(planId: string): Promise<{ state: PlanState; version: number }> {
    const loaded = await this.handler.load(planStreamId(planId), this.decider);
    if (loaded.state.status === 'none') throw new NotFound(`Plan ${planId} does not exist.`, { planId });
    return loaded;
  }

  async execute(
    req: Request,
    actor: Actor,
    command: PlanCommand,
    options: { reason?: string; expectedVersion?: number } = {},
  ): Promise<PlanView> {
    const unit = command.type === 'DraftPlan' ? command.content.issuingUnit : (await this.load(command.planId)).state.content!.issuingUnit;
    if (typeof unit !== 'string' || !seedUnitTree.has(unit)) {
      throw new DomainRuleViolation(`Unknown administrative unit "${unit}"; use an official unit code such as "58" or "51-NGOKBAY".`, 'unknown-unit');
    }
    this.access.assertCanWrite(actor, unit);
    await this.checkIndicators(command, unit);
    if (command.type === 'IssuePlan') await this.reserveDocumentNumber(req, actor, unit, command);
    const result = await this.handler.handle(planStreamId(command.planId), this.decider, command, {
      metadata: eventMetadata(req, actor, unit, options.reason),
      commandId: commandIdOf(req),
      expectedVersion: options.expectedVersion,
    });
    return toPlanView(result.state, result.version);
  }

  /** The targets a command brings must name catalogue entries that fit the plan (422 otherwise). */
  private async checkIndicators(command: PlanCommand, unit: string): Promise<void> {
    const targets: Target[] | undefined =
      command.type === 'DraftPlan' ? (command.content.targets as Target[] | undefined)
      : command.type === 'ReviseDraft' || command.type === 'AmendPlan' ? (command.changes?.targets as Target[] | undefined)
      : command.type === 'AddTarget' || command.type === 'ReviseTarget' ? [command.target]
      : undefined;
    if (!Array.isArray(targets) || targets.length === 0) return;
    const existing = command.type === 'DraftPlan' ? [] : ((await this.load(command.planId)).state.content?.targets ?? []);
    assertTargetsInCatalogue(targets, { lookup: await this.catalogue.lookup(), planUnit: unit, today: toVietnamDate(new Date()), units: seedUnitTree, existing });
  }

  /**
   * A document number is unique per issuing unit, issuer, year and type. The issue is decided
   * first (pure, nothing written) so that a refused issue does not leave a reservation behind.
   */
  private async reserveDocumentNumber(req: Request, actor: Actor, unit: string, command: IssuePlan): Promise<void> {
    const { state } = await this.load(command.planId);
    // Not a draft: the handler answers (the first result for a repeated request, else a refusal).
    if (state.status !== 'draft') return;
    const [issued] = this.decider.decide(command, state);
    if (issued?.type !== 'PlanIssued') return;
    const documentNumber = normalizeDocumentNumber(issued.data.documentNumber);
    const key = documentNumberKey(documentNumber, unit, Number(issued.data.issueDate.slice(0, 4)));
    await this.handler.handle(
      documentNumberStreamId(key),
      documentNumberRegistryDecider,
      { type: 'ReserveDocumentNumber', key, documentNumber, planId: command.planId },
      { metadata: eventMetadata(req, actor, unit) },
    );
  }
}
