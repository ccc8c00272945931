import { RecordedEvent } from '@nangsuat/event-sourcing';
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { endOfVietnamDay } from '@nangsuat/vietnamese';
import { ACHIEVEMENT_TYPES, Contribution, CONTRIBUTION_RULES, ContributionKind, countContributions, INDICATOR_OF_KIND, IndicatorEntry, INDICATORS, mapAchievementToContribution, mapEventToContribution, MappingResult, SourceService, Target } from '@nangsuat/contracts/plans';

/**
 * How a target's count was reached, event by event. Nothing here decides what counts: every event
 * goes through the plans service's own mapping (`mapEventToContribution`) and the running count is
 * what the plans counting rule (`countContributions`) gives for the events seen so far, so the trail
 * and the progress projection cannot disagree (docs/domain/plans.md, "Counting rules" and
 * "Contributions and matching").
 */
export interface CountedIndicator {
  /** Plan indicator key (INDICATORS of plan-content.ts). */
  readonly indicator: string;
  readonly description: string;
  /** The services whose events feed it, with the event types (the ledger's context = the service). */
  readonly sources: readonly { readonly service: SourceService | 'plans'; readonly types: readonly string[] }[];
  /** The catalogue entry, for an indicator fed by recorded achievements (its counting rule). */
  readonly entry?: IndicatorEntry;
}

/**
 * The indicator of a mapping rule whose kind depends on the payload (it may also say "not counted"),
 * so that its not-counted events are shown in the right trail. Counted events always take the
 * indicator the mapping gives them; count-trail.spec.ts fails if a rule of the mapping has none.
 */
const INDICATOR_OF_PAYLOAD_DEPENDENT_TYPE: Readonly<Record<string, string>> = {
  RegistrationWithdrawn: 'pilot-model-enterprises',
  NominationDecided: 'awards',
};

/** The indicator an event type counts for, as the plans mapping table says. */
export function indicatorOfType(type: string): string | undefined {
  const rule = CONTRIBUTION_RULES[type];
  if (!rule) return undefined;
  return typeof rule.kind === 'function' ? INDICATOR_OF_PAYLOAD_DEPENDENT_TYPE[type] : INDICATOR_OF_KIND[rule.kind];
}

function describe(indicator: string): string {
  const known = (INDICATORS as Record<string, { vi: string; en: string } | undefined>)[indicator];
  return known ? `${known.en} (${known.vi})` : indicator;
}

/** Every indicator some service's events count for, derived from the plans mapping table. */
export const COUNTED_INDICATORS: readonly CountedIndicator[] = (() => {
  const byIndicator = new Map<string, Map<SourceService, string[]>>();
  for (const [type, rule] of Object.entries(CONTRIBUTION_RULES)) {
    const indicator = indicatorOfType(type);
    if (!indicator) continue;
    const services = byIndicator.get(indicator) ?? new Map<SourceService, string[]>();
    byIndicator.set(indicator, services);
    services.set(rule.service, [...(services.get(rule.service) ?? []), type]);
  }
  return [...byIndicator].map(([indicator, services]) => ({
    indicator,
    description: describe(indicator),
    sources: [...services].map(([service, types]) => ({ service, types })),
  }));
})();

export function countedIndicator(indicator: string): CountedIndicator | undefined {
  return COUNTED_INDICATORS.find((i) => i.indicator === indicator);
}

/** An indicator of the catalogue that recorded achievements feed (a club founded, a school applying 5S): the plans service's own achievement events. */
export function achievementFedIndicator(entry: IndicatorEntry): CountedIndicator | undefined {
  if (entry.feed.from !== 'recorded-achievements') return undefined;
  return { indicator: entry.code, description: `${entry.name.en} (${entry.name.vi})`, sources: [{ service: 'plans', types: ACHIEVEMENT_TYPES }], entry };
}

/** The plans mapping of an event to a contribution: a service's event by its rule, a recorded achievement by its own indicator; undefined when nothing counts it. */
function mapForTrail(event: RecordedEvent, units: UnitTree): MappingResult | undefined {
  if (ACHIEVEMENT_TYPES.includes(event.type)) return mapAchievementToContribution(event, units);
  const rule = CONTRIBUTION_RULES[event.type];
  if (!rule || indicatorOfType(event.type) === undefined) return undefined;
  return mapEventToContribution(event, rule.service, units);
}

/** The indicator an event would count for (a recorded achievement names its own). */
function indicatorOfEvent(event: RecordedEvent): string | undefined {
  if (ACHIEVEMENT_TYPES.includes(event.type)) {
    const indicator = (event.data as Record<string, unknown> | undefined)?.indicator;
    return typeof indicator === 'string' ? indicator : undefined;
  }
  return indicatorOfType(event.type);
}

export interface CountStep {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly who: string;
  readonly unit: string;
  /** The contribution kind the plans mapping made of the event; absent when it does not count. */
  readonly kind?: ContributionKind;
  /** What is counted (enterprise, person, nominee). */
  readonly subjectId?: string;
  readonly delta: number;
  /** Why the event did not move the count: "not counted: <reason>", already counted, still counted. */
  readonly note?: string;
  readonly runningCount: number;
}

/** Kinds that undo an earlier count (for the wording of notes only; the counting is countContributions'). */
const REVERSING_KINDS: readonly ContributionKind[] = ['pilot-model-withdrawn', 'expert-certification-expired', 'expert-certification-revoked', 'award-revoked', 'indicator-count-withdrawn'];

/** The unit of an event the mapping does not count (it names none): the payload's unit, else the envelope's. */
function unitOfEvent(event: Pick<RecordedEvent, 'data' | 'metadata'>): string {
  const code = (event.data as Record<string, unknown> | undefined)?.unitCode;
  return typeof code === 'string' && code ? code : (event.metadata?.unit ?? '');
}

export interface CountTrailOptions {
  /** When the count is evaluated (certifications past their validUntil no longer count); default now. */
  readonly evaluatedAt?: number;
  readonly units?: UnitTree;
  /** The catalogue entry whose counting rule applies (indicators fed by recorded achievements); the seeded rule otherwise. */
  readonly entry?: IndicatorEntry;
}

/**
 * Walks the events (in the order given: global order within a context) and returns one step per
 * event the plans mapping gives to `indicator` (counted or not) whose unit lies in scope, with the
 * running count. `inScope` says whether the unit lies within the target's unit subtree.
 *
 * The running count after an event is `countContributions` over the contributions seen so far. To
 * keep that linear, contributions are grouped by what the counting rule links them through — the
 * subject and, where a kind can undo a count, the record (registration, certification, decision) —
 * and only the event's group is recounted: the count of a set is the sum over such groups.
 */
export function countTrail(
  indicator: string,
  events: readonly RecordedEvent[],
  inScope: (unit: string) => boolean,
  options: CountTrailOptions = {},
): { steps: CountStep[]; count: number } {
  const evaluatedAt = options.evaluatedAt ?? Date.now();
  const units = options.units ?? administrativeUnits;
  // countContributions only reads the target's indicator.
  const target = { indicator } as Target;
  const reversible = Object.values(INDICATOR_OF_KIND).filter((i) => i === indicator).length > 1;
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(key, root);
    return root;
  };
  const members = new Map<string, Contribution[]>();
  const groupCount = new Map<string, number>();

  const steps: CountStep[] = [];
  let count = 0;
  for (const event of events) {
    const mapped = mapForTrail(event, units);
    if (!mapped || mapped.outcome === 'irrelevant') continue;
    const base = {
      eventId: event.id,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition,
      type: event.type,
      recordedAt: event.recordedAt,
      who: event.metadata?.actor?.username ?? '',
    };
    if (mapped.outcome !== 'contribution') {
      const unit = unitOfEvent(event);
      if (indicatorOfEvent(event) !== indicator || !inScope(unit)) continue;
      const reason = mapped.outcome === 'unmappable' ? `cannot be mapped (${mapped.reason})` : mapped.reason;
      steps.push({ ...base, unit, delta: 0, note: `not counted: ${reason}`, runningCount: count });
      continue;
    }
    const c = mapped.contribution;
    if (c.indicator !== indicator || !inScope(c.unit)) continue;

    // A withdrawn achievement undoes its own record's count, like a revoked certification.
    const linksRecords = reversible || c.kind === 'indicator-counted' || c.kind === 'indicator-count-withdrawn';
    const keys = [`subject:${c.subjectId}`, ...(linksRecords ? [`record:${c.refId ?? c.eventId}`] : [])];
    const roots = [...new Set(keys.map(find))];
    const before = roots.reduce((n, r) => n + (groupCount.get(r) ?? 0), 0);
    const [root, ...others] = roots;
    const group = [...(members.get(root) ?? []), ...others.flatMap((r) => members.get(r) ?? []), c];
    for (const other of others) {
      parent.set(other, root);
      members.delete(other);
      groupCount.delete(other);
    }
    for (const key of keys) parent.set(key, root);
    members.set(root, group);
    const after = countContributions(target, group, evaluatedAt, options.entry).actual;
    groupCount.set(root, after);
    const delta = after - before;
    count += delta;

    let note: string | undefined;
    if (delta === 0) {
      const reversing = REVERSING_KINDS.includes(c.kind);
      if (after > 0) note = reversing ? `${c.subjectId} still counted` : `${c.subjectId} already counted`;
      else if (reversing) note = `${c.subjectId} was not counted`;
      else if (c.validUntil && endOfVietnamDay(c.validUntil).getTime() < evaluatedAt) note = `not counted: valid until ${c.validUntil} only`;
      else note = 'not counted';
    }
    steps.push({ ...base, unit: c.unit, kind: c.kind, subjectId: c.subjectId, delta, note, runningCount: count });
  }
  return { steps, count };
}
