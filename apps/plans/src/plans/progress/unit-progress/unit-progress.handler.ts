import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { Clock } from '@nangsuat/service-runtime';
import { formatDate, formatNumber, IsoDate, vietnamYear } from '@nangsuat/vietnamese';
import { IndicatorDefinition, INDICATORS, Target } from '@nangsuat/contracts/plans';
import { assertCanReadProgress, ProgressService } from '../progress.service';
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
  /** How many facts make up the figure. */
  readonly contributingEvents: number;
  /** Every one of them, when there are at most a few hundred. */
  readonly contributingEventIds?: readonly string[];
}

/** What the other services counted for one indicator in one calendar year, for a unit and each unit within it. */
@Injectable()
export class UnitProgressHandler {
  constructor(private readonly progress: ProgressService, private readonly access: AccessPolicy, private readonly clock: Clock) {}

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
    // The year as a plan of the unit counting from 1 January (the seeded rule): the progress path every plan reads.
    const { targets, trail } = await this.progress.progress({ planId: '', status: 'issued', version: 0, title: '', issuingUnit: q.unit, issueDate: `${year}-01-01`, targets: [target] }, now.toISOString());
    const p = targets[0];
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
      contributingEvents: p.contributingEvents ?? p.contributingEventIds.length,
      ...(trail === 'complete' ? { contributingEventIds: p.contributingEventIds } : {}),
    };
  }
}
