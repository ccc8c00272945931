import { Inject, Injectable } from '@nestjs/common';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation, EVENT_STORE, EventStorePort, Forbidden } from '@nangsuat/event-store';
import { AccessPolicy, platformRoles, Role } from '@nangsuat/auth';
import { parseInstantInput } from '@nangsuat/service-runtime';
import { formatDate, IsoDate, toVietnamDate } from '@nangsuat/vietnamese';
import { candidateUnits, computeForPlan, PlanForProgress, planVersionAt, reportedValuesStreamId, StoredContribution, storedIndicatorsOf, tallyServes, toReportedValues } from '@nangsuat/contracts/plans';
import type { ReportedValue, TargetProgress } from '@nangsuat/contracts/plans';
import { PlanCommands } from '../plan-commands';
import { IndicatorCatalogue } from '../../indicators/indicator-catalogue.service';
import { ContributionStore } from './contributions/contribution-store';

/**
 * An `asOf` query value → the instant progress is measured at: facts that occurred by then, against
 * the plan version in force that day. A date is the end of that Vietnam day; a timestamp itself
 * (parseInstantInput: the forms every service accepts); default and at most now.
 */
export function parseAsOf(asOf: string | undefined, now: Date): { instant: string; date: IsoDate } {
  if (!asOf) return { instant: now.toISOString(), date: toVietnamDate(now) };
  const { instant, date } = parseInstantInput(asOf, 'asOf');
  return Date.parse(instant) > now.getTime() ? { instant: now.toISOString(), date: toVietnamDate(now) } : { instant, date };
}

/**
 * Who reads progress and reports: officers of the plan's unit subtree and of the units above it
 * (a commune officer reads the commune's and the province plan's progress), auditors and service
 * accounts everything; enterprises nothing.
 */
export function assertCanReadProgress(access: AccessPolicy, actor: Actor, unit: string): void {
  const roles = platformRoles(actor.roles);
  if (roles.includes(Role.Enterprise) && roles.every((r) => r === Role.Enterprise)) {
    throw new Forbidden('Enterprises have no access to plan progress and reports.');
  }
  if (access.canRead(actor, unit)) return;
  if (administrativeUnits.has(actor.unit) && administrativeUnits.has(unit) && administrativeUnits.isWithin(actor.unit, unit)) return;
  throw new Forbidden(`Progress of ${unit} is for the officers of its units and those above it; you act for ${actor.unit}.`, { unit });
}

/** Progress of plans from the contributions read model, the plan's stream and its reported values. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly plans: PlanCommands,
    private readonly contributions: ContributionStore,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  /** The plan as it stood on `asOfDate` (the version in force; a draft as it is). */
  async plan(planId: string, asOfDate?: IsoDate): Promise<PlanForProgress> {
    const [{ state }, catalogue] = await Promise.all([this.plans.load(planId), this.catalogue.lookup()]);
    let content = state.content!;
    if (asOfDate && state.versions.length > 0) {
      const v = planVersionAt(state, asOfDate);
      if (!v) throw new DomainRuleViolation(`Plan ${content.documentNumber ?? planId} was not yet issued on ${formatDate(asOfDate)} (issued ${formatDate(content.issueDate!)}).`, 'plan-not-issued');
      content = v.content;
    }
    return {
      planId,
      status: state.status,
      version: state.version,
      documentNumber: content.documentNumber,
      title: content.title,
      issuingUnit: content.issuingUnit,
      issueDate: content.issueDate,
      targets: content.targets,
      implementsPlan: content.implementsPlan,
      catalogue,
    };
  }

  async reported(planId: string, recordedBy?: string): Promise<ReportedValue[]> {
    return toReportedValues(await this.store.readStream(reportedValuesStreamId(planId), recordedBy ? { asOfTime: recordedBy } : {}));
  }

  /** The facts a plan's counted targets may see (the exact rules are applied by computeForPlan). */
  async contributionsFor(plan: PlanForProgress, occurredUntil?: string, recordedUntil?: string): Promise<StoredContribution[]> {
    const indicators = [...new Set(plan.targets.filter((t) => t.source === 'counted').flatMap((t) => storedIndicatorsOf(plan.catalogue?.(t.indicator), t.indicator)))];
    return this.contributions.find({ indicators, units: candidateUnits(plan.issuingUnit), documentNumber: plan.documentNumber, occurredUntil, recordedUntil });
  }

  /**
   * Progress as it happened by `asOf`, and every fact behind it: the fold of every counted fact —
   * linear in them; what the paged count trail and, with `recordedBy` (only what the platform had
   * recorded by then: bitemporal), the progress read use.
   */
  async folded(plan: PlanForProgress, asOf: string, recordedBy?: string): Promise<{ targets: TargetProgress[]; contributions: StoredContribution[] }> {
    const [contributions, reported] = await Promise.all([this.contributionsFor(plan, asOf, recordedBy), this.reported(plan.planId, recordedBy)]);
    return { targets: computeForPlan(plan, contributions, reported, asOf), contributions };
  }

  /**
   * Progress as it happened by `asOf` (decision 0016): the indicators whose every target the tallies
   * serve are read as their running totals per unit and day plus the facts a tally does not count;
   * the others are folded fact by fact, as before. `trail: 'complete'` when every target lists all
   * the facts behind it (at most `trailInline` facts in all: then the plan is folded whole, which
   * costs what those few facts cost); `'paged'` when the lists hold only the folded facts and the
   * count trail is read page by page (GET …/progress/:targetId/contributions).
   */
  async progress(plan: PlanForProgress, asOf: string, recordedBy?: string): Promise<{ targets: TargetProgress[]; trail: 'complete' | 'paged' }> {
    if (recordedBy) return { targets: (await this.folded(plan, asOf, recordedBy)).targets, trail: 'complete' };
    const counted = plan.targets.filter((t) => t.source === 'counted');
    const stored = counted.map((t) => storedIndicatorsOf(plan.catalogue?.(t.indicator), t.indicator));
    const all = [...new Set(stored.flat())];
    const tallied = all.filter((k) => counted.every((t, i) => !stored[i].includes(k) || tallyServes(t.indicator, plan.catalogue, stored[i])));
    const foldedOnly = all.filter((k) => !tallied.includes(k));
    const units = candidateUnits(plan.issuingUnit);
    const asOfDay = toVietnamDate(new Date(asOf));
    const fromDay = plan.issueDate ?? `${Math.min(...counted.map((t) => t.milestoneYear), 9999)}-01-01`;
    const [rows, untallied, facts, reported] = await Promise.all([
      this.contributions.tallyRows({ indicators: tallied, units, fromDay, beforeDay: asOfDay }),
      this.contributions.untallied({ indicators: tallied, units, documentNumber: plan.documentNumber, asOfDay }),
      this.contributions.find({ indicators: foldedOnly, units, documentNumber: plan.documentNumber, occurredUntil: asOf }),
      plan.targets.some((t) => t.source === 'reported') ? this.reported(plan.planId) : [],
    ]);
    // Facts naming the plan are read one by one (the document rule may give them to another unit).
    const tallies = rows.filter((r) => !plan.documentNumber || r.documentNumber !== plan.documentNumber);
    const targets = computeForPlan(plan, [...facts, ...untallied], reported, asOf, undefined, tallies);
    const behind = targets.reduce((n, p) => n + (p.contributingEvents ?? p.contributingEventIds.length), 0);
    if (behind > this.trailInline) return { targets, trail: 'paged' };
    return { targets: tallies.length ? (await this.folded(plan, asOf)).targets : targets, trail: 'complete' };
  }

  /** Facts listed inline with a progress answer at most (beyond: the count trail is paged); PROGRESS_TRAIL_INLINE, default 500. */
  private get trailInline(): number {
    const n = Number(process.env.PROGRESS_TRAIL_INLINE ?? 500);
    return Number.isFinite(n) && n >= 0 ? n : 500;
  }
}
