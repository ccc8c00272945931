import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { toVietnamDate } from '@nangsuat/vietnamese';
import {
  assertTargetsInCatalogue,
  documentNumberKey,
  documentNumberRegistryDecider,
  documentNumberStreamId,
  IssuePlan,
  normalizeDocumentNumber,
  PlanCommand,
  planDecider,
  PlanState,
  planStreamId,
  TargetRef,
} from '@nangsuat/contracts/plans';
import { IndicatorCatalogue } from '../indicators/indicator-catalogue.service';
import { PlanView, toPlanView } from './plan-view';

/**
 * A command on a plan, for every plan use case: the plan's issuing unit decides who may act (its
 * subtree's officers, AccessPolicy), the targets it brings must be catalogue entries that fit the
 * plan, an issue reserves its document number; then the decider decides and the command runner
 * appends (Idempotency-Key honoured, a stated expectedVersion checked).
 */
@Injectable()
export class PlanCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  /** The plan as it stands (404 when there is none). */
  async load(planId: string): Promise<{ state: PlanState; version: number }> {
    const loaded = await this.runner.load(planStreamId(planId), planDecider);
    if (loaded.state.status === 'none') throw new NotFound(`Plan ${planId} does not exist.`, { planId });
    return loaded;
  }

  async run(context: CommandContext, command: PlanCommand, options: { reason?: string; expectedVersion?: number } = {}): Promise<PlanView> {
    const unit = command.type === 'DraftPlan' ? command.content.issuingUnit : (await this.load(command.planId)).state.content!.issuingUnit;
    if (typeof unit !== 'string' || !administrativeUnits.has(unit)) {
      throw new DomainRuleViolation(`Unknown administrative unit "${unit}"; use an official unit code such as "58" or "51-NGOKBAY".`, 'unknown-unit');
    }
    this.access.assertCanWrite(context.actor, unit);
    await this.checkIndicators(context, command, unit);
    if (command.type === 'IssuePlan') await this.reserveDocumentNumber(context, unit, command);
    const result = await this.runner.run(planStreamId(command.planId), planDecider, command, context, { unit, reason: options.reason, expectedVersion: options.expectedVersion });
    return toPlanView(result.state, result.version);
  }

  /** The targets a command brings must name catalogue entries that fit the plan (422 otherwise). */
  private async checkIndicators(context: CommandContext, command: PlanCommand, unit: string): Promise<void> {
    const targets: readonly TargetRef[] | undefined =
      command.type === 'DraftPlan' ? command.content.targets
      : command.type === 'ReviseDraft' || command.type === 'AmendPlan' ? command.changes?.targets
      : command.type === 'AddTarget' || command.type === 'ReviseTarget' ? [command.target]
      : undefined;
    if (!Array.isArray(targets) || targets.length === 0) return;
    const existing = command.type === 'DraftPlan' ? [] : ((await this.load(command.planId)).state.content?.targets ?? []);
    assertTargetsInCatalogue(targets, { lookup: await this.catalogue.lookup(), planUnit: unit, today: toVietnamDate(context.now), units: administrativeUnits, existing });
  }

  /**
   * A document number is unique per issuing unit, issuer, year and type. The issue is decided
   * first (pure, nothing written) so that a refused issue does not leave a reservation behind.
   */
  private async reserveDocumentNumber(context: CommandContext, unit: string, command: IssuePlan): Promise<void> {
    const { state } = await this.load(command.planId);
    // Not a draft: the runner answers (the first result for a repeated request, else a refusal).
    if (state.status !== 'draft') return;
    const [issued] = planDecider.decide(command, state);
    if (issued?.type !== 'PlanIssued') return;
    const documentNumber = normalizeDocumentNumber(issued.data.documentNumber);
    const key = documentNumberKey(documentNumber, unit, Number(issued.data.issueDate.slice(0, 4)));
    await this.runner.run(
      documentNumberStreamId(key),
      documentNumberRegistryDecider,
      { type: 'ReserveDocumentNumber', key, documentNumber, planId: command.planId },
      context.step('document-number'),
      { unit },
    );
  }
}
