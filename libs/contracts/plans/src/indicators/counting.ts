/**
 * The counting rules of the catalogue, applied to facts already inside a target's window and unit
 * (progress.ts selects them). One engine, parameterised by the entry's CountingRule and FactFeed:
 *
 *  1. Facts are taken in the order they happened. A fact of a kind that counts joins its thing
 *     (identity: record, subject, subject in record, record-or-subject); `repeats` says whether the
 *     first fact of a thing stands, the last replaces it, or all stand.
 *  2. A fact of a reversing kind removes its thing — unless the thing already has a fact of a final
 *     kind (a completed pilot model is not undone by a later withdrawal).
 *  3. With onlyWhileValid, a fact whose validUntil is before the evaluation instant is left out.
 *  4. The standing facts give the figure: distinct subjects or things; the sum of their values; the
 *     latest value; or a share (things with a numerator fact among all things, in %).
 * Pure.
 */
import { endOfVietnamDay, startOfVietnamDay } from '@nangsuat/vietnamese';
import type { FactKind, IndicatorEntry } from './indicator';

/** A fact as counting needs it (progress.ts's Contribution satisfies it). */
export interface CountableFact {
  readonly eventId: string;
  readonly kind: FactKind;
  readonly occurredAt: string;
  readonly subjectId: string;
  readonly refId?: string;
  readonly indicator?: string;
  readonly validUntil?: string;
  /** sum-of-values, latest-value: the figure the fact carries. */
  readonly value?: number;
}

export interface CountResult {
  actual: number;
  eventIds: string[];
  breakdown?: { approved: number; completed: number };
}

const instant = (value: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfVietnamDay(value).getTime() : new Date(value).getTime());

/** Does this fact feed the entry at all? */
export function feeds(entry: IndicatorEntry, fact: CountableFact): boolean {
  const { feed } = entry;
  if (feed.from === 'recorded-achievements') return fact.indicator === entry.code && (feed.counts.includes(fact.kind) || feed.reverses.includes(fact.kind));
  if (feed.from === 'service-events') return feed.counts.includes(fact.kind) || feed.reverses.includes(fact.kind);
  return false;
}

/** The thing a fact is about under the entry's identity rule: what counts once (also the running totals' key, progress-tally.ts). */
export function thingOf(entry: IndicatorEntry, f: Pick<CountableFact, 'subjectId' | 'refId' | 'eventId'>): string {
  switch (entry.counting.identity) {
    case 'record':
      return f.refId ?? f.eventId;
    case 'subject':
      return f.subjectId;
    case 'subject-in-record':
      return `${f.subjectId}|${f.refId ?? f.eventId}`;
    case 'record-or-subject':
      return f.refId ?? f.subjectId;
  }
}

/** Applies the entry's counting rule to facts (any order; those that do not feed it are ignored). */
export function countFacts(entry: IndicatorEntry, facts: readonly CountableFact[], evaluatedAt: number): CountResult {
  const rule = entry.counting;
  const sorted = facts.filter((f) => feeds(entry, f)).sort((a, b) => instant(a.occurredAt) - instant(b.occurredAt));
  const finalKinds = rule.finalKinds ?? [];
  const completedKinds = rule.completedKinds ?? [];
  // Facts of final/completed kinds are kept apart so that their order is that of their own first fact.
  const standing = new Map<string, CountableFact[]>();
  const finals = new Map<string, CountableFact[]>();
  for (const f of sorted) {
    const thing = thingOf(entry, f);
    if (entry.feed.counts.includes(f.kind)) {
      const into = finalKinds.includes(f.kind) || completedKinds.includes(f.kind) ? finals : standing;
      const existing = into.get(thing);
      if (!existing) into.set(thing, [f]);
      else if (rule.repeats === 'last') into.set(thing, [f]);
      else if (rule.repeats === 'all') existing.push(f);
    } else {
      if (finalKinds.length && finals.has(thing)) continue;
      standing.delete(thing);
      finals.delete(thing);
    }
  }
  let counted = [...standing.values(), ...finals.values()].flat();
  if (rule.onlyWhileValid) counted = counted.filter((f) => !f.validUntil || endOfVietnamDay(f.validUntil).getTime() >= evaluatedAt);
  const eventIds = counted.map((f) => f.eventId);
  const distinctOf = (list: readonly CountableFact[]) => new Set(list.map((f) => (rule.distinct === 'things' ? thingOf(entry, f) : f.subjectId))).size;
  let actual: number;
  switch (rule.rule) {
    case 'distinct-subjects':
      actual = distinctOf(counted);
      break;
    case 'sum-of-values':
      actual = counted.reduce((sum, f) => sum + (typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : 0), 0);
      break;
    case 'latest-value': {
      const latest = [...counted].filter((f) => typeof f.value === 'number').sort((a, b) => instant(a.occurredAt) - instant(b.occurredAt)).pop();
      actual = latest?.value ?? 0;
      break;
    }
    case 'share': {
      const all = distinctOf(counted);
      const numerator = distinctOf(counted.filter((f) => (rule.numeratorKinds ?? []).includes(f.kind)));
      actual = all === 0 ? 0 : Math.round((numerator / all) * 10000) / 100;
      break;
    }
  }
  return {
    actual,
    eventIds,
    ...(completedKinds.length
      ? { breakdown: { approved: new Set(counted.map((f) => f.subjectId)).size, completed: new Set(counted.filter((f) => completedKinds.includes(f.kind)).map((f) => f.subjectId)).size } }
      : {}),
  };
}
