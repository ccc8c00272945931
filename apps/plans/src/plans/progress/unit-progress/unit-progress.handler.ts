import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { Clock } from '@nangsuat/service-runtime';
import { formatDate, formatNumber, IsoDate, vietnamYear } from '@nangsuat/vietnamese';
import { candidateUnits, computeProgress, IndicatorDefinition, INDICATORS, Target } from '@nangsuat/contracts/plans';
import { ContributionStore } from '../contributions/contribution-store';
import { assertCanReadProgress } from '../progress.service';
import { COUNTED_INDICATORS, UnitProgressQuery } from './unit-progress.query';

export interface UnitSummary {
  readonly unit: string;
  readonly unitName: string;
  readonly indicator: string;
  readonly label: { readonly vi: string; readonly en: string };
  readonly year: number;
  readonly window: { readonly from: IsoDate; readonly to: IsoDate; readonly display: string };
  readonly actual: number;
  readonly actualDisplay: string;
  readonly breakdown?: { readonly approved: number; readonly completed: number };
  readonly byUnit: readonly { unit: string; unitName: string; level: string; actual: number }[];
  readonly contributingEventIds: readonly string[];
}

/** What the other services counted for one indicator in one calendar year, for a unit and each unit within it. */
@Injectable()
export class UnitProgressHandler {
  constructor(private readonly contributions: ContributionStore, private readonly access: AccessPolicy, private readonly clock: Clock) {}

  async handle(actor: Actor, q: UnitProgressQuery): Promise<UnitSummary> {
    if (!administrativeUnits.has(q.unit)) throw new DomainRuleViolation(`Unknown administrative unit "${q.unit}".`, 'unknown-unit');
    if (!COUNTED_INDICATORS.includes(q.indicator)) {
      throw new DomainRuleViolation(`"${q.indicator}" is not counted from events; use one of ${COUNTED_INDICATORS.join(', ')}.`, 'unknown-indicator');
    }
    assertCanReadProgress(this.access, actor, q.unit);
    const now = this.clock.now();
    const year = q.year ?? vietnamYear(now);
    const def = (INDICATORS as Record<string, IndicatorDefinition>)[q.indicator];
    const target: Target = { id: q.indicator, indicator: q.indicator, label: { vi: def.vi, en: def.en }, unit: def.unit, milestoneYear: year, comparison: 'at-least', value: 0, source: 'counted' };
    const facts = await this.contributions.find({ indicators: [q.indicator], units: candidateUnits(q.unit) });
    const p = computeProgress({ target, plan: { issuingUnit: q.unit, countFrom: `${year}-01-01` }, contributions: facts, asOf: now.toISOString() });
    return {
      unit: q.unit,
      unitName: administrativeUnits.displayName(q.unit),
      indicator: q.indicator,
      label: { vi: def.vi, en: def.en },
      year,
      window: { ...p.window, display: `${formatDate(p.window.from)} – ${formatDate(p.window.to)}` },
      actual: p.actual ?? 0,
      actualDisplay: formatNumber(p.actual ?? 0),
      breakdown: p.breakdown,
      byUnit: p.byUnit.map((u) => ({ unit: u.unit, unitName: administrativeUnits.displayName(u.unit), level: administrativeUnits.levelOf(u.unit), actual: u.actual })),
      contributingEventIds: p.contributingEventIds,
    };
  }
}
