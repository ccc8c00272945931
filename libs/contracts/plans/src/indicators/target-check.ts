/**
 * Plans refer to catalogue entries: a target's indicator must be in the catalogue, in force, apply at
 * the plan's level, and the target must use the entry's unit of measure and source. Pure.
 */
import type { UnitTree } from '@nangsuat/administrative-units';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { formatDate, IsoDate } from '@nangsuat/vietnamese';
import { inForceOn, IndicatorLookup } from './indicator';

export interface TargetRef {
  readonly id: string;
  readonly indicator: string;
  readonly unit: string;
  readonly source: string;
}

export function targetCatalogueProblems(
  targets: readonly TargetRef[],
  opts: { readonly lookup: IndicatorLookup; readonly planUnit: string; readonly today: IsoDate; readonly units: UnitTree; readonly existing?: readonly TargetRef[] },
): string[] {
  const problems: string[] = [];
  const level = opts.units.has(opts.planUnit) ? opts.units.levelOf(opts.planUnit) : undefined;
  for (const t of targets) {
    if (!t || typeof t.indicator !== 'string') continue; // the plan decider names what is missing
    const name = `Target "${t.id}"`;
    const entry = opts.lookup(t.indicator);
    if (!entry) {
      problems.push(`${name}: "${t.indicator}" is not in the indicator catalogue; add it first (POST /indicators or an imported set) or use a code from GET /indicators.`);
      continue;
    }
    if (entry.unitOfMeasure !== t.unit) problems.push(`${name}: ${t.indicator} is measured in ${entry.unitOfMeasure}, not ${t.unit}.`);
    if (entry.source !== t.source) problems.push(`${name}: ${t.indicator} is ${entry.source}, not ${t.source}.`);
    if (level && !entry.levels.includes(level)) problems.push(`${name}: ${t.indicator} applies to plans of the ${entry.levels.join(', ')} level, not the ${level} level.`);
    const kept = opts.existing?.some((e) => e.id === t.id && e.indicator === t.indicator);
    if (!kept && !inForceOn(entry, opts.today)) {
      const when = entry.validTo && entry.validTo < opts.today ? `ended on ${formatDate(entry.validTo)}` : `starts on ${formatDate(entry.validFrom!)}`;
      problems.push(`${name}: indicator ${t.indicator} is not in force today (${when}).`);
    }
  }
  return problems;
}

export function assertTargetsInCatalogue(...args: Parameters<typeof targetCatalogueProblems>): void {
  const problems = targetCatalogueProblems(...args);
  if (problems.length) throw new DomainRuleViolation(problems.join(' '), 'indicator-not-in-catalogue', { problems });
}
