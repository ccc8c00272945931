import { Inject, Injectable } from '@nestjs/common';
import { isDuplicateKey, READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { mayBeTallied, StoredContribution, tallyDayOf, tallyFacts, tallyKeysOf, TallyRow, tallyRowId, tallyRuleOf, valueOf } from '@nangsuat/contracts/plans';

/** Read model: one document per counted fact, keyed by the source event id (idempotent by construction). */
export const CONTRIBUTIONS = 'contributions';
/** Facts of a counted type that do not count (not awarded, withdrawn before approval), with the reason — for auditors. */
export const CONTRIBUTIONS_NOT_COUNTED = 'contributions_not_counted';

/** Running totals of the simple facts, per (indicator, unit, day, kind, named plan) (progress-tally.ts, decision 0016). */
export const PROGRESS_TALLIES = 'progress_tallies';
/** Which facts hold each thing or subject of an indicator: a second holder makes the first one complex. */
export const CONTRIBUTION_KEYS = 'contribution_keys';

/** A fact as the read model keeps it: with its Vietnam day and whether it is counted in a tally. */
type FactDocument = StoredContribution & { _id: string; consumedAt?: string; tallyDay?: string; tally?: 'simple' | 'complex'; tallied?: boolean };
type TallyDocument = TallyRow & { _id: string };

export interface TallyQuery {
  readonly indicators: readonly string[];
  readonly units: readonly string[];
  /** Days from this one (the plan's first counting day)… */
  readonly fromDay: string;
  /** …to the day before this one (asOf's day, whose facts are read one by one). */
  readonly beforeDay: string;
}

export interface UntalliedQuery {
  readonly indicators: readonly string[];
  readonly units: readonly string[];
  readonly documentNumber?: string;
  /**
   * asOf's Vietnam day: facts of days up to it (the fold leaves out those after asOf itself — by
   * day, not by comparing occurredAt as text, which a date-only occurredAt would defeat); its own
   * simple facts are read one by one.
   */
  readonly asOfDay: string;
}

export interface ContributionQuery {
  readonly indicators: readonly string[];
  /** Facts of these units… */
  readonly units: readonly string[];
  /** …or naming this plan (document rule). */
  readonly documentNumber?: string;
  /** Only facts that happened at or before this instant. */
  readonly occurredUntil?: string;
  /** Only facts the platform had recorded at or before this instant. */
  readonly recordedUntil?: string;
}

@Injectable()
export class ContributionStore {
  private indexes?: Promise<unknown>;

  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  private get contributions() {
    return this.readModels.collection<FactDocument>(CONTRIBUTIONS, { fields: ['indicator', 'unit', 'occurredAt', 'recordedAt', 'planDocumentNumber', 'tally', 'tallyDay'] });
  }

  private get tallies() {
    return this.readModels.collection<TallyDocument>(PROGRESS_TALLIES, { fields: ['indicator', 'unit', 'day'] });
  }

  private get keys() {
    return this.readModels.collection<{ _id: string; facts: string[] }>(CONTRIBUTION_KEYS);
  }

  private ready(): Promise<unknown> {
    this.indexes ??= Promise.all([
      this.contributions.createIndex({ indicator: 1, unit: 1, occurredAt: 1 }),
      this.contributions.createIndex({ planDocumentNumber: 1 }),
      this.contributions.createIndex({ indicator: 1, tally: 1, unit: 1, tallyDay: 1 }),
      this.contributions.createIndex({ indicator: 1, tallyDay: 1 }),
      this.contributions.createIndex({ indicator: 1, unit: 1, tallyDay: 1 }),
      this.tallies.createIndex({ indicator: 1, unit: 1, day: 1 }),
    ])
      .then(() => this.catchUp())
      .catch((e) => {
        this.indexes = undefined;
        throw e;
      });
    return this.indexes;
  }

  /**
   * Facts not tallied at start: with no keys at all (facts stored before the tallies existed, or by a
   * bulk load), a rebuild; otherwise facts whose tallying was cut short, finished one by one.
   */
  private async catchUp(): Promise<void> {
    if ((await this.contributions.countDocuments({ tallied: { $ne: true } }, { limit: 1 })) === 0) return;
    if ((await this.keys.countDocuments({}, { limit: 1 })) === 0) {
      await this.rebuildTallies();
      return;
    }
    for await (const f of this.contributions.find({ tallied: { $ne: true } }, { projection: { consumedAt: 0 } })) await this.tally(f);
  }

  /**
   * Inserts the fact once and counts it in its tally, or folds it (progress-tally.ts); a redelivery
   * finds it there and changes nothing — unless its tallying was cut short, which it then finishes
   * (every step is idempotent). Returns whether it was new.
   */
  async save(c: StoredContribution): Promise<boolean> {
    await this.ready();
    let inserted: boolean;
    try {
      const r = await this.contributions.updateOne({ _id: c._id }, { $setOnInsert: { ...c, tallyDay: tallyDayOf(c.occurredAt), consumedAt: new Date().toISOString() } }, { upsert: true });
      inserted = r.upsertedCount > 0;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      inserted = false; // a concurrent delivery inserted it first
    }
    if (!inserted && (await this.contributions.findOne({ _id: c._id }, { projection: { tallied: 1 } }))?.tallied) return false;
    await this.tally(c);
    return inserted;
  }

  /**
   * Registers the fact under its keys; it is simple when it holds them alone. Those it now shares a
   * key with become complex (folded from now on) and their rows are recounted. Facts are consumed
   * one at a time (the consumer handles one message at a time), which these steps rely on.
   */
  private async tally(c: StoredContribution): Promise<void> {
    const sharers = new Set<string>();
    for (const key of tallyKeysOf(c)) {
      const holders = await this.keys.findOneAndUpdate({ _id: `${c.indicator}|${key}` }, { $addToSet: { facts: c.eventId } }, { upsert: true, returnDocument: 'after' });
      if ((holders?.facts ?? []).length > 1) holders!.facts.forEach((id) => sharers.add(id));
    }
    const simple = sharers.size === 0 && mayBeTallied(c);
    const recount = new Map<string, Omit<TallyRow, 'n' | 'sum'>>();
    if (simple) {
      await this.contributions.updateOne({ _id: c._id, tally: { $exists: false } }, { $set: { tally: 'simple' } });
      const row = rowOf({ ...c, tallyDay: tallyDayOf(c.occurredAt) });
      recount.set(tallyRowId(row), row);
    } else {
      await this.contributions.updateOne({ _id: c._id }, { $set: { tally: 'complex' } });
    }
    if (sharers.size) {
      const ids = [...sharers];
      const demoted = await this.contributions.find({ _id: { $in: ids }, tally: 'simple' }, { projection: { consumedAt: 0 } }).toArray();
      await this.contributions.updateMany({ _id: { $in: ids } }, { $set: { tally: 'complex' } });
      for (const d of demoted) recount.set(tallyRowId(rowOf(d)), rowOf(d));
    }
    for (const row of recount.values()) await this.recount(row);
    await this.contributions.updateOne({ _id: c._id }, { $set: { tallied: true } });
  }

  /**
   * Sets a row to what its simple facts add up to now (idempotent: a repeated recount changes
   * nothing). Costs the row's own facts (one unit's facts of one kind on one day), never the history.
   */
  private async recount(row: Omit<TallyRow, 'n' | 'sum'>): Promise<void> {
    const filter = { indicator: row.indicator, unit: row.unit, tallyDay: row.day, kind: row.kind, tally: 'simple', planDocumentNumber: row.documentNumber ? row.documentNumber : { $exists: false } };
    let n: number;
    let sum = 0;
    if (tallyRuleOf(row.indicator).counting.rule === 'sum-of-values') {
      const facts = await this.contributions.find(filter, { projection: { value: 1 } }).toArray();
      n = facts.length;
      sum = facts.reduce((s, f) => s + valueOf(f), 0);
    } else {
      n = await this.contributions.countDocuments(filter);
    }
    const id = tallyRowId(row);
    if (n === 0) await this.tallies.deleteOne({ _id: id });
    else await this.tallies.updateOne({ _id: id }, { $set: { ...row, n, sum } }, { upsert: true });
  }

  /**
   * Rebuilds the keys and the tallies from the facts the read model holds (after a bulk load, or to
   * prove that the incremental path and a rebuild agree). The facts themselves are rebuilt from the
   * source events by replaying them to the consumer.
   */
  async rebuildTallies(): Promise<{ facts: number; simple: number; rows: number }> {
    const facts = (await this.contributions
      .find({}, { projection: { _id: 1, eventId: 1, indicator: 1, kind: 1, unit: 1, occurredAt: 1, subjectId: 1, refId: 1, value: 1, planDocumentNumber: 1 }, batchSize: 5000 })
      .toArray()) as StoredContribution[];
    const { simple, rows } = tallyFacts(facts);
    await this.keys.deleteMany({});
    await this.tallies.deleteMany({});
    const holders = new Map<string, string[]>();
    for (const f of facts) for (const k of tallyKeysOf(f)) holders.set(`${f.indicator}|${k}`, [...(holders.get(`${f.indicator}|${k}`) ?? []), f.eventId]);
    const keyDocs = [...holders].map(([_id, ids]) => ({ _id, facts: ids }));
    for (let i = 0; i < keyDocs.length; i += 5000) await this.keys.insertMany(keyDocs.slice(i, i + 5000));
    const rowDocs = rows.map((r) => ({ _id: tallyRowId(r), ...r }));
    for (let i = 0; i < rowDocs.length; i += 5000) await this.tallies.insertMany(rowDocs.slice(i, i + 5000));
    // Each fact's day and state, a batch of ids per (day, state).
    const groups = new Map<string, string[]>();
    for (const f of facts) {
      const g = `${tallyDayOf(f.occurredAt) ?? ''}|${simple.has(f.eventId) ? 'simple' : 'complex'}`;
      groups.set(g, [...(groups.get(g) ?? []), f._id]);
    }
    for (const [g, ids] of groups) {
      const [day, tally] = g.split('|');
      for (let i = 0; i < ids.length; i += 5000) {
        await this.contributions.updateMany({ _id: { $in: ids.slice(i, i + 5000) } }, { $set: { ...(day ? { tallyDay: day } : {}), tally, tallied: true } });
      }
    }
    return { facts: facts.length, simple: simple.size, rows: rows.length };
  }

  /** The tally rows of whole days in a plan's reach (units and days), the plan's named facts among them. */
  async tallyRows(q: TallyQuery): Promise<TallyRow[]> {
    await this.ready();
    if (q.indicators.length === 0) return [];
    const docs = await this.tallies
      .find({ indicator: { $in: [...q.indicators] }, unit: { $in: [...q.units] }, day: { $gte: q.fromDay, $lt: q.beforeDay } } as never, { projection: { _id: 0 } })
      .toArray();
    return docs as TallyRow[];
  }

  /**
   * The facts a tally does not count, to be folded one by one: complex facts of the plan's units,
   * simple facts of asOf's own day, and facts naming the plan (the document rule).
   */
  async untallied(q: UntalliedQuery): Promise<StoredContribution[]> {
    await this.ready();
    if (q.indicators.length === 0) return [];
    const indicator = { $in: [...q.indicators] };
    const tallyDay = { $lte: q.asOfDay };
    const projection = { consumedAt: 0, tally: 0, tallyDay: 0, tallied: 0 } as const;
    const [complex, today, named] = await Promise.all([
      this.contributions.find({ indicator, tally: 'complex', unit: { $in: [...q.units] }, tallyDay } as never, { projection }).toArray(),
      this.contributions.find({ indicator, tallyDay: q.asOfDay, unit: { $in: [...q.units] } } as never, { projection }).toArray(),
      q.documentNumber ? this.contributions.find({ indicator, planDocumentNumber: q.documentNumber, tallyDay } as never, { projection }).toArray() : [],
    ]);
    return [...new Map([...complex, ...today, ...named].map((f) => [f._id, f as StoredContribution])).values()];
  }

  async saveNotCounted(doc: { _id: string; eventType: string; reason: string; sourceService: string; unit?: unknown; occurredAt?: string }): Promise<void> {
    await this.readModels
      .collection<{ _id: string }>(CONTRIBUTIONS_NOT_COUNTED)
      .updateOne({ _id: doc._id }, { $setOnInsert: { ...doc, consumedAt: new Date().toISOString() } }, { upsert: true })
      .catch((e: { code?: number }) => {
        if (!isDuplicateKey(e)) throw e;
      });
  }

  async find(q: ContributionQuery): Promise<StoredContribution[]> {
    await this.ready();
    if (q.indicators.length === 0) return [];
    const where: Record<string, unknown> = {
      indicator: { $in: [...q.indicators] },
      $or: [{ unit: { $in: [...q.units] } }, ...(q.documentNumber ? [{ planDocumentNumber: q.documentNumber }] : [])],
    };
    // By Vietnam day, not by comparing occurredAt as text (a date-only occurredAt, the start of its day, would sort after an instant of that day); the fold leaves out what happened after the instant itself.
    if (q.occurredUntil) where.tallyDay = { $lte: toVietnamDate(new Date(q.occurredUntil)) };
    if (q.recordedUntil) where.recordedAt = { $lte: q.recordedUntil };
    return (await this.contributions.find(where as never, { projection: { consumedAt: 0, tally: 0, tallyDay: 0, tallied: 0 } }).toArray()) as StoredContribution[];
  }

  async byIds(ids: readonly string[]): Promise<StoredContribution[]> {
    if (ids.length === 0) return [];
    return (await this.contributions.find({ _id: { $in: [...ids] } } as never, { projection: { consumedAt: 0, tally: 0, tallyDay: 0, tallied: 0 } }).toArray()) as StoredContribution[];
  }
}

function rowOf(f: Pick<FactDocument, 'indicator' | 'unit' | 'tallyDay' | 'kind' | 'planDocumentNumber'>): Omit<TallyRow, 'n' | 'sum'> {
  return { indicator: f.indicator, unit: f.unit, day: f.tallyDay!, kind: f.kind, documentNumber: f.planDocumentNumber ?? '' };
}
