/**
 * Where a unit's annual report goes and when it is due, from the plan's reporting rules: the rules
 * the reporting-period commands carry as a snapshot of the plan they depend on.
 */
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { dayOfYear } from '@nangsuat/vietnamese';
import type { ReportingLevel, ReportingRules } from './plan-content';

export interface DayOfYear {
  readonly day: number;
  readonly month: number;
}

/** Where the plan sets no annual deadline: the report is due by 10 November (DOMAIN: "by 10/11 each year"). */
export const DEFAULT_ANNUAL_DEADLINE: DayOfYear = { day: 10, month: 11 };

/** "10/11" (day/month, as documents write it) → { day: 10, month: 11 }; anything else stays as given. */
export function readDayMonth(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(value.trim());
  return m ? { day: Number(m[1]), month: Number(m[2]) } : value;
}

/**
 * The plan's annual deadline as stored. Plans drafted before the request schema was strict may hold
 * it as the text the API's example showed ("10/11"); read that too, and refuse anything else with a
 * message saying how to mend the plan rather than failing on it.
 */
export function storedDeadline(stored: unknown): DayOfYear {
  if (stored === undefined || stored === null) return DEFAULT_ANNUAL_DEADLINE;
  const { day, month } = (readDayMonth(stored) ?? {}) as { day?: unknown; month?: unknown };
  if (Number.isInteger(day) && Number.isInteger(month)) {
    try {
      dayOfYear(2023, month as number, day as number);
      return { day: day as number, month: month as number };
    } catch {
      /* not a day of every year: refused below */
    }
  }
  throw new DomainRuleViolation(
    `The plan's annual report deadline (${JSON.stringify(stored).slice(0, 40)}) is not a day of the year; revise or amend the plan with reporting.annualDeadline such as "10/11".`,
    'invalid-deadline',
  );
}

/**
 * A unit's place in the plan's approval chain: the units that approve its report in turn (its
 * ancestors at the levels above its own in the chain) and its own deadline (levelDeadlines for its
 * level, else the annual deadline). A unit whose level is not in the chain, or a plan without a
 * chain: no approvers (one approval by any unit above) and the annual deadline.
 */
export function chainOf(reporting: ReportingRules | undefined, unit: string, units: UnitTree = administrativeUnits): { approvers: string[]; deadline: DayOfYear } {
  const level = units.levelOf(unit) as ReportingLevel;
  const own = (reporting?.levelDeadlines ?? []).find((d) => d.level === level);
  const deadline = own ? storedDeadline({ day: own.day, month: own.month }) : storedDeadline(reporting?.annualDeadline);
  const chain = reporting?.approvalChain ?? [];
  if (!chain.includes(level)) return { approvers: [], deadline };
  const ancestors = units.ancestors(unit);
  const approvers: string[] = [];
  for (const above of chain.slice(chain.indexOf(level) + 1)) {
    const found = ancestors.find((a) => units.levelOf(a) === above);
    if (!found) throw new DomainRuleViolation(`The plan's approval chain names the ${above} level, but ${unit} has no ${above} above it.`, 'invalid-chain');
    approvers.push(found);
  }
  return { approvers, deadline };
}
