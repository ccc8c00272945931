/**
 * Running totals of counted facts, so that a plan's progress costs what its units and days cost,
 * not what its facts cost (docs/decisions/0016). Pure.
 *
 * A fact is SIMPLE for its stored indicator when, under the indicator's tally rule (its seeded
 * catalogue entry), it cannot interact with any other fact: it is of a kind that counts, the rule
 * is a summable one (distinct subjects or a sum of values, not "only while valid"), and no other
 * fact of the indicator shares its thing (identity) or, where subjects are counted, its subject.
 * Such a fact stands alone in `countFacts`: it adds exactly 1 to a distinct count (and its value
 * to a sum), whatever window or unit it is seen from. Simple facts are therefore kept only as
 * counts per (indicator, unit, Vietnam day, kind, named plan): a TallyRow. Every other fact (a
 * repeat, a reversal and what it reverses, a certification, a rule that is not summable) stays a
 * fact and is folded as before; the two parts never share a thing or a subject, so their figures add.
 *
 * Simplicity only ever goes one way: a fact that shares a key with a later one becomes complex
 * (its row is recounted without it), never the reverse — the read model only grows.
 */
import { startOfVietnamDay, toVietnamDate } from '@nangsuat/vietnamese';
import type { FactKind, IndicatorEntry, IndicatorLookup } from '../indicators/indicator';
import { feeds, thingOf } from '../indicators/counting';
import { planSpecificIndicator, seedIndicator } from '../indicators/seed-catalogue';
import { INDICATOR_OF_KIND, StoredContribution } from './contribution-mapping';

/** The counts of the simple facts of one (indicator, unit, day, kind, named plan). */
export interface TallyRow {
  /** Stored indicator key (StoredContribution.indicator). */
  readonly indicator: string;
  readonly unit: string;
  /** Vietnam calendar day the facts happened on. */
  readonly day: string;
  readonly kind: FactKind;
  /** The plan the facts name (canonical document number), '' when none: the document rule reads those facts one by one. */
  readonly documentNumber: string;
  /** How many simple facts. */
  readonly n: number;
  /** The sum of their finite numeric values (sum-of-values indicators; 0 for the others). */
  readonly sum: number;
}

/** The rule a stored indicator's tally is kept by: its seeded entry, else the rule of a plan-specific indicator. */
export function tallyRuleOf(indicator: string): IndicatorEntry {
  return seedIndicator(indicator) ?? planSpecificIndicator(indicator);
}

/** A rule under which a lone fact always adds 1 (or its value) and nothing else. */
export function isSummable(entry: IndicatorEntry): boolean {
  const r = entry.counting;
  return (r.rule === 'distinct-subjects' || r.rule === 'sum-of-values') && !r.onlyWhileValid;
}

/**
 * The keys a fact shares with the facts it could interact with under its indicator's tally rule:
 * its thing, and its subject where subjects are counted (distinct subjects, the breakdown). Empty
 * when the rule is not summable (every fact of it is folded).
 */
export function tallyKeysOf(c: Pick<StoredContribution, 'indicator' | 'subjectId' | 'refId' | 'eventId'>): string[] {
  const entry = tallyRuleOf(c.indicator);
  if (!isSummable(entry)) return [];
  const r = entry.counting;
  const keys = [`t:${thingOf(entry, c)}`];
  if ((r.rule === 'distinct-subjects' && r.distinct !== 'things') || (r.completedKinds ?? []).length) keys.push(`s:${c.subjectId}`);
  return keys;
}

/** The Vietnam day a fact happened on, as counting reads its occurredAt; undefined when it is no date. */
export function tallyDayOf(occurredAt: string): string | undefined {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(occurredAt) ? startOfVietnamDay(occurredAt).getTime() : new Date(occurredAt).getTime();
  return Number.isNaN(ms) ? undefined : toVietnamDate(new Date(ms));
}

/** May this fact be kept as a count, its keys being its own (no other fact holds any of them)? */
export function mayBeTallied(c: Pick<StoredContribution, 'indicator' | 'kind' | 'occurredAt'>): boolean {
  const entry = tallyRuleOf(c.indicator);
  return isSummable(entry) && entry.feed.counts.includes(c.kind) && feeds(entry, c as never) && tallyDayOf(c.occurredAt) !== undefined;
}

const sameList = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Do two entries count the same facts the same way (what a tally kept by `b` may answer for `a`)? */
export function sameCounting(a: IndicatorEntry, b: IndicatorEntry): boolean {
  const x = a.counting;
  const y = b.counting;
  return (
    x.rule === y.rule &&
    x.identity === y.identity &&
    x.repeats === y.repeats &&
    (x.distinct ?? 'subjects') === (y.distinct ?? 'subjects') &&
    !!x.onlyWhileValid === !!y.onlyWhileValid &&
    sameList(x.finalKinds, y.finalKinds) &&
    sameList(x.completedKinds, y.completedKinds) &&
    sameList(x.numeratorKinds, y.numeratorKinds) &&
    a.feed.from === b.feed.from &&
    sameList(a.feed.counts, b.feed.counts) &&
    sameList(a.feed.reverses, b.feed.reverses)
  );
}

/**
 * May a target of `indicator` (its catalogue entry in force) be answered from the tallies of
 * `stored` (the stored indicators its facts are kept under)? Only when it reads one stored
 * indicator, counts as that indicator's tally rule counts, and that rule is summable; otherwise
 * every fact is folded, as before.
 */
export function tallyServes(indicator: string, catalogue: IndicatorLookup | undefined, stored: readonly string[]): boolean {
  if (stored.length !== 1) return false;
  const entry = catalogue?.(indicator) ?? seedIndicator(indicator) ?? planSpecificIndicator(indicator);
  const rule = tallyRuleOf(stored[0]);
  if (entry.feed.from === 'recorded-achievements' && entry.code !== stored[0]) return false;
  return isSummable(rule) && sameCounting(entry, rule);
}

/**
 * The `indicator` keys under which the facts of a catalogue entry are stored: service events are
 * stored under the indicator of their kind (contribution-mapping.ts), recorded achievements under
 * their own indicator's code — so an indicator added at run time that counts, say, completed pilot
 * models finds them.
 */
export function storedIndicatorsOf(entry: IndicatorEntry | undefined, code: string): string[] {
  if (!entry || entry.feed.from !== 'service-events') return [code];
  return [...new Set([...entry.feed.counts, ...entry.feed.reverses].map((k) => INDICATOR_OF_KIND[k] ?? code))];
}

/** The identity of a tally row. */
export const tallyRowId = (r: Pick<TallyRow, 'indicator' | 'unit' | 'day' | 'kind' | 'documentNumber'>): string => [r.indicator, r.unit, r.day, r.kind, r.documentNumber].join('|');

/**
 * The reference split of a set of facts (what the read model holds after ingesting them, in any
 * order, any number of times): which are simple, and the rows their counts make.
 */
export function tallyFacts(facts: readonly StoredContribution[]): { simple: Set<string>; rows: TallyRow[] } {
  const unique = [...new Map(facts.map((f) => [f.eventId, f])).values()];
  const holders = new Map<string, Set<string>>();
  for (const f of unique) {
    for (const k of tallyKeysOf(f)) {
      const key = `${f.indicator}|${k}`;
      holders.set(key, (holders.get(key) ?? new Set()).add(f.eventId));
    }
  }
  const simple = new Set(
    unique.filter((f) => mayBeTallied(f) && tallyKeysOf(f).every((k) => holders.get(`${f.indicator}|${k}`)!.size === 1)).map((f) => f.eventId),
  );
  const rows = new Map<string, TallyRow>();
  for (const f of unique) {
    if (!simple.has(f.eventId)) continue;
    const row = { indicator: f.indicator, unit: f.unit, day: tallyDayOf(f.occurredAt)!, kind: f.kind, documentNumber: f.planDocumentNumber ?? '' };
    const id = tallyRowId(row);
    const was = rows.get(id) ?? { ...row, n: 0, sum: 0 };
    rows.set(id, { ...was, n: was.n + 1, sum: was.sum + (tallyRuleOf(f.indicator).counting.rule === 'sum-of-values' ? valueOf(f) : 0) });
  }
  return { simple, rows: [...rows.values()] };
}

/** The figure a fact adds to a sum (a sum-of-values indicator): its value when it is a finite number. */
export const valueOf = (f: { readonly value?: unknown }): number => (typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : 0);

/**
 * What a progress read needs, given everything the read model holds and the read's asOf: the rows
 * of whole days before asOf's day (minus the facts naming the plan, read one by one for the
 * document rule), and the facts to fold — complex facts, simple facts of asOf's own day (a partial
 * day) and simple facts naming the plan. The store answers the same with indexed queries.
 */
export function splitForRead(
  facts: readonly StoredContribution[],
  tally: { simple: ReadonlySet<string>; rows: readonly TallyRow[] },
  asOfDay: string,
  documentNumber?: string,
): { rows: TallyRow[]; facts: StoredContribution[] } {
  const rows = tally.rows.filter((r) => r.day < asOfDay && (!documentNumber || r.documentNumber !== documentNumber));
  const fold = facts.filter((f) => !tally.simple.has(f.eventId) || tallyDayOf(f.occurredAt)! >= asOfDay || (!!documentNumber && f.planDocumentNumber === documentNumber));
  return { rows, facts: fold };
}
