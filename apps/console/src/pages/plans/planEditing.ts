import { hasRole, type Principal } from '../../auth/claims';
import type { PlanTarget } from '../../lib/types';
import { formatDate } from '../../lib/format';

export const PLAN_WRITERS = ['province-admin', 'department-officer', 'commune-officer'] as const;

/** Indicators the platform counts (others are entered as reported statistics). */
export const COUNTED_INDICATORS = ['pilot-model-enterprises', 'trained-person-times', 'certified-experts'] as const;

/** Units of measure the plans service accepts for a target. */
export const UNITS_OF_MEASURE = ['enterprises', 'person-times', 'experts', 'clubs', 'tasks', 'facilities', 'schools', 'awards', '%/year', '%'] as const;
export const UNIT_OF_INDICATOR: Record<string, string> = { 'pilot-model-enterprises': 'enterprises', 'trained-person-times': 'person-times', 'certified-experts': 'experts' };

/** Whether the user may write to a plan of this issuing unit: a plan writer of that unit or above it (or of the unit it merged into). */
export function mayEditPlan(p: Principal | undefined, issuingUnit: string, mergedIntoUserUnit: readonly string[] = []): boolean {
  if (!p || !hasRole(p, ...PLAN_WRITERS)) return false;
  return issuingUnit === p.unit || issuingUnit.startsWith(`${p.unit}-`) || mergedIntoUserUnit.includes(issuingUnit);
}

export interface TargetForm {
  labelVi: string;
  labelEn: string;
  indicator: string;
  unit: string;
  milestoneYear: number;
  comparison: 'at-least' | 'more-than' | 'range';
  value?: number;
  min?: number;
  max?: number;
  source: 'counted' | 'reported';
}

export function targetFromForm(f: TargetForm): PlanTarget {
  const base = { id: `${f.indicator}-${f.milestoneYear}`, indicator: f.indicator, label: { vi: f.labelVi.trim(), en: f.labelEn.trim() }, unit: f.unit.trim(), milestoneYear: f.milestoneYear, comparison: f.comparison, source: f.source };
  return f.comparison === 'range' ? { ...base, min: f.min, max: f.max } : { ...base, value: f.value };
}

export interface TargetChange {
  targetId: string;
  label: string;
  field: 'value' | 'min' | 'max';
  before: number | null | undefined;
  after: number | null | undefined;
}

/** What an amendment changes in the targets, field by field — shown to the officer before it is sent. */
export function targetChanges(before: readonly PlanTarget[], after: readonly PlanTarget[]): TargetChange[] {
  const out: TargetChange[] = [];
  for (const next of after) {
    const prev = before.find((t) => t.id === next.id);
    for (const field of ['value', 'min', 'max'] as const) {
      if ((prev?.[field] ?? null) !== (next[field] ?? null)) out.push({ targetId: next.id, label: next.label.vi, field, before: prev?.[field], after: next[field] });
    }
  }
  return out;
}

/**
 * The versions a plan's amendments made (every version after the issued one: 2 is the first
 * amendment), newest first, labelled as a person recognises them — so an amendment's document is
 * attached to a version chosen, not a number typed.
 */
export function amendmentChoices(
  versions: readonly { version: number; effectiveDate: string; reason?: string }[],
  versionWord: string,
): { version: number; label: string }[] {
  return versions
    .filter((v) => v.version >= 2)
    .sort((a, b) => b.version - a.version)
    .map((v) => ({ version: v.version, label: [`${versionWord} ${v.version}`, formatDate(v.effectiveDate), v.reason].filter(Boolean).join(' — ') }));
}
