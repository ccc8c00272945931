import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { Clock, Page, parseInstantInput, skipOf } from '@nangsuat/service-runtime';
import { formatDate, formatDateTime } from '@nangsuat/vietnamese';
import { TargetProgressView, toTargetView } from '@nangsuat/contracts/plans';
import type { StoredContribution } from '@nangsuat/contracts/plans';
import { assertCanReadProgress, parseAsOf, ProgressService } from '../progress.service';
import { ContributionsQuery, ProgressQuery } from './plan-progress.query';

export interface PlanProgressView {
  readonly planId: string;
  readonly documentNumber?: string;
  readonly title: string;
  readonly status: string;
  readonly version: number;
  readonly issuingUnit: string;
  readonly issuingUnitName: string;
  readonly issueDate?: string;
  readonly issueDateDisplay?: string;
  readonly asOf: string;
  readonly asOfDisplay: string;
  /** Given as recordedBy: only facts recorded by this instant were counted. */
  readonly recordedBy?: string;
  readonly targets: readonly TargetProgressView[];
}

export interface ContributionView {
  readonly eventId: string;
  readonly type: string;
  readonly kind: string;
  readonly sourceService: string;
  readonly unit: string;
  readonly unitName: string;
  readonly countedUnder?: string;
  readonly occurredAt: string;
  readonly occurredAtDisplay: string;
  readonly recordedAt: string;
  readonly subjectId: string;
  readonly refId?: string;
  readonly planDocumentNumber?: string;
  readonly streamId: string;
}

const unitName = (code: string) => (administrativeUnits.has(code) ? administrativeUnits.displayName(code) : code);

export function toContributionView(c: StoredContribution): ContributionView {
  return {
    eventId: c.eventId,
    type: c.eventType,
    kind: c.kind,
    sourceService: c.sourceService,
    unit: c.unit,
    unitName: unitName(c.unit),
    ...(c.originUnit ? { countedUnder: c.originUnit } : {}),
    occurredAt: c.occurredAt,
    occurredAtDisplay: formatDateTime(c.occurredAt),
    recordedAt: c.recordedAt,
    subjectId: c.subjectId,
    refId: c.refId,
    planDocumentNumber: c.planDocumentNumber,
    streamId: c.streamId,
  };
}

/** Progress of a plan's targets and the facts behind a target's count, for those who may read the plan's unit. */
@Injectable()
export class PlanProgressHandler {
  constructor(
    private readonly progress: ProgressService,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, planId: string, query: ProgressQuery): Promise<PlanProgressView> {
    const asOf = parseAsOf(query.asOf, this.clock.now());
    const plan = await this.progress.plan(planId, query.asOf ? asOf.date : undefined);
    assertCanReadProgress(this.access, actor, plan.issuingUnit);
    const recordedBy = query.recordedBy ? parseInstantInput(query.recordedBy, 'recordedBy').instant : undefined;
    const { targets, trail } = await this.progress.progress(plan, asOf.instant, recordedBy);
    return {
      planId,
      documentNumber: plan.documentNumber,
      title: plan.title,
      status: plan.status,
      version: plan.version,
      issuingUnit: plan.issuingUnit,
      issuingUnitName: unitName(plan.issuingUnit),
      issueDate: plan.issueDate,
      issueDateDisplay: plan.issueDate ? formatDate(plan.issueDate) : undefined,
      asOf: asOf.instant,
      asOfDisplay: formatDate(asOf.date),
      ...(recordedBy ? { recordedBy } : {}),
      targets: plan.targets.map((t, i) => toTargetView(plan, t, targets[i], undefined, trail)),
    };
  }

  async contributions(actor: Actor, planId: string, targetId: string, query: ContributionsQuery): Promise<Page<ContributionView> & { targetId: string; actual?: number }> {
    const asOf = parseAsOf(query.asOf, this.clock.now());
    const plan = await this.progress.plan(planId, query.asOf ? asOf.date : undefined);
    assertCanReadProgress(this.access, actor, plan.issuingUnit);
    const index = plan.targets.findIndex((t) => t.id === targetId);
    if (index < 0) throw new NotFound(`Plan ${plan.documentNumber ?? planId} has no target "${targetId}".`, { planId, targetId });
    const recordedBy = query.recordedBy ? parseInstantInput(query.recordedBy, 'recordedBy').instant : undefined;
    // The trail names every fact: the fold of them all (linear in them; the answer is one page).
    const { targets, contributions } = await this.progress.folded(plan, asOf.instant, recordedBy);
    const p = targets[index];
    let ids = p.contributingEventIds;
    if (query.unit) {
      if (!administrativeUnits.has(query.unit)) throw new DomainRuleViolation(`Unknown administrative unit "${query.unit}".`, 'unknown-unit');
      ids = p.byUnit.find((u) => u.unit === query.unit)?.contributingEventIds ?? [];
    }
    const byId = new Map(contributions.map((c) => [c.eventId, c]));
    const all = ids
      .map((id) => byId.get(id))
      .filter((c): c is StoredContribution => c !== undefined)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.eventId.localeCompare(b.eventId));
    const items = all.slice(skipOf(query), skipOf(query) + query.pageSize).map(toContributionView);
    return { targetId, actual: p.actual, items, page: query.page, pageSize: query.pageSize, total: all.length };
  }
}
