import { Inject, Injectable } from '@nestjs/common';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation, EVENT_STORE, EventStorePort, Forbidden } from '@nangsuat/event-store';
import { AccessPolicy, platformRoles, Role } from '@nangsuat/auth';
import { parseInstantInput } from '@nangsuat/service-runtime';
import { formatDate, IsoDate, toVietnamDate } from '@nangsuat/vietnamese';
import { candidateUnits, computeForPlan, PlanForProgress, planVersionAt, reportedValuesStreamId, StoredContribution, storedIndicatorsOf, toReportedValues } from '@nangsuat/contracts/plans';
import type { IndicatorEntry, ReportedValue, TargetProgress } from '@nangsuat/contracts/plans';
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

  /** Progress as it happened by `asOf`; with `recordedBy`, only what the platform had recorded by then (bitemporal). */
  async progress(plan: PlanForProgress, asOf: string, recordedBy?: string): Promise<{ targets: TargetProgress[]; contributions: StoredContribution[] }> {
    const [contributions, reported] = await Promise.all([this.contributionsFor(plan, asOf, recordedBy), this.reported(plan.planId, recordedBy)]);
    return { targets: computeForPlan(plan, contributions, reported, asOf), contributions };
  }
}
