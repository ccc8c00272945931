/**
 * Statistics entered for reported indicators (labour-productivity growth, TFP share): one stream per
 * plan, `reported-values-<planId>`, each figure an event with its source; the actor and unit are in
 * the event metadata, the reason in metadata.reason. A correction is a later figure for the same
 * year and unit (progress takes the latest). Pure.
 */
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { Decider, DomainEvent, DomainRuleViolation, RecordedEvent } from '@nangsuat/event-sourcing';
import { nfc, vietnamYear } from '@nangsuat/vietnamese';
import type { Target } from '../plan/plan-content';
import type { ReportedValue } from '../plan/progress';

export const REPORTED_VALUES_STREAM_PREFIX = 'reported-values-';
export const reportedValuesStreamId = (planId: string): string => `${REPORTED_VALUES_STREAM_PREFIX}${planId}`;

export interface RecordReportedValue {
  readonly type: 'RecordReportedValue';
  readonly planId: string;
  readonly planUnit: string;
  readonly target: Target;
  /** The unit the statistic is about; default the plan's unit. */
  readonly unit: string;
  readonly year: number;
  readonly value: number;
  readonly nationalAverage?: number;
  readonly source: string;
  /** ISO instant. */
  readonly reportedAt: string;
}

export type ReportedValueRecorded = DomainEvent<
  'ReportedValueRecorded',
  {
    readonly planId: string;
    readonly targetId: string;
    readonly indicator: string;
    readonly unit: string;
    readonly year: number;
    readonly value: number;
    readonly nationalAverage?: number;
    readonly source: string;
    readonly reportedAt: string;
  }
>;

export interface ReportedValuesState {
  readonly count: number;
}

const bounds: Record<string, [number, number]> = { '%': [0, 100], '%/year': [-100, 1000] };

export function createReportedValuesDecider(units: UnitTree = administrativeUnits): Decider<RecordReportedValue, ReportedValueRecorded, ReportedValuesState> {
  return {
    initialState: () => ({ count: 0 }),
    evolve: (s) => ({ count: s.count + 1 }),
    decide: (c) => {
      const problems: string[] = [];
      const t = c.target;
      if (t.source !== 'reported') {
        throw new DomainRuleViolation(
          `Target "${t.id}" (${t.indicator}) is counted from the other services' events; only statistics (labour-productivity growth, TFP share) are entered as reported values.`,
          'target-not-reported',
        );
      }
      const reportYear = vietnamYear(c.reportedAt);
      if (!Number.isInteger(c.year) || c.year < 1990 || c.year > t.milestoneYear) {
        problems.push(`the year must be a year up to the target's milestone year ${t.milestoneYear} (got ${c.year})`);
      } else if (c.year > reportYear) {
        problems.push(`a statistic for ${c.year} cannot be reported in ${reportYear}`);
      }
      const [lo, hi] = bounds[t.unit] ?? [-1e12, 1e12];
      const check = (v: unknown, what: string) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${what} must be a number`);
        else if (v < lo || v > hi) problems.push(`${what} must lie between ${lo} and ${hi} ${t.unit} (got ${v})`);
      };
      check(c.value, 'the value');
      if (c.nationalAverage !== undefined) check(c.nationalAverage, 'the national average');
      if (t.comparison === 'above-national-average' && c.nationalAverage === undefined) {
        problems.push('this target is "above the national average": give the national average with the statistic');
      }
      if (typeof c.source !== 'string' || !c.source.trim()) problems.push('name the source of the statistic (e.g. "Cục Thống kê tỉnh, niên giám 2025")');
      if (!units.has(c.unit)) problems.push(`unknown administrative unit "${c.unit}"`);
      else if (!units.isWithin(c.unit, c.planUnit)) problems.push(`unit ${c.unit} is not within the plan's unit ${c.planUnit}`);
      if (problems.length) throw new DomainRuleViolation(`The reported value cannot be recorded: ${problems.join('; ')}.`, 'invalid-reported-value', { problems });
      return [
        {
          type: 'ReportedValueRecorded',
          schemaVersion: 1,
          data: {
            planId: c.planId,
            targetId: t.id,
            indicator: t.indicator,
            unit: c.unit,
            year: c.year,
            value: c.value,
            ...(c.nationalAverage !== undefined ? { nationalAverage: c.nationalAverage } : {}),
            source: nfc(c.source.trim()),
            reportedAt: c.reportedAt,
          },
        },
      ];
    },
  };
}

export const reportedValuesDecider = createReportedValuesDecider();

/** The domain's ReportedValue of each recorded figure (its event id links the figure to its record). */
export function toReportedValues(events: readonly RecordedEvent[]): ReportedValue[] {
  return events
    .filter((e) => e.type === 'ReportedValueRecorded')
    .map((e) => {
      const d = e.data as ReportedValueRecorded['data'];
      return {
        eventId: e.id,
        indicator: d.indicator,
        unit: d.unit,
        year: d.year,
        value: d.value,
        ...(d.nationalAverage !== undefined ? { nationalAverage: d.nationalAverage } : {}),
        source: d.source,
        reportedAt: d.reportedAt,
      };
    });
}
