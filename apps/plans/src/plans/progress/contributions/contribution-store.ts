import { Inject, Injectable } from '@nestjs/common';
import { isDuplicateKey, READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import type { StoredContribution } from '@nangsuat/contracts/plans';

/** Read model: one document per counted fact, keyed by the source event id (idempotent by construction). */
export const CONTRIBUTIONS = 'contributions';
/** Facts of a counted type that do not count (not awarded, withdrawn before approval), with the reason — for auditors. */
export const CONTRIBUTIONS_NOT_COUNTED = 'contributions_not_counted';

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
    return this.readModels.collection<StoredContribution & { _id: string }>(CONTRIBUTIONS, { fields: ['indicator', 'unit', 'occurredAt', 'recordedAt', 'planDocumentNumber'] });
  }

  private ready(): Promise<unknown> {
    this.indexes ??= Promise.all([
      this.contributions.createIndex({ indicator: 1, unit: 1, occurredAt: 1 }),
      this.contributions.createIndex({ planDocumentNumber: 1 }),
    ]).catch((e) => {
      this.indexes = undefined;
      throw e;
    });
    return this.indexes;
  }

  /** Inserts the fact once; a redelivery finds it there and changes nothing. Returns whether it was new. */
  async save(c: StoredContribution): Promise<boolean> {
    await this.ready();
    try {
      const r = await this.contributions.updateOne({ _id: c._id }, { $setOnInsert: { ...c, consumedAt: new Date().toISOString() } }, { upsert: true });
      return r.upsertedCount > 0;
    } catch (e) {
      if (isDuplicateKey(e)) return false; // a concurrent delivery inserted it first
      throw e;
    }
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
    if (q.occurredUntil) where.occurredAt = { $lte: q.occurredUntil };
    if (q.recordedUntil) where.recordedAt = { $lte: q.recordedUntil };
    return (await this.contributions.find(where as never, { projection: { consumedAt: 0 } }).toArray()) as StoredContribution[];
  }

  async byIds(ids: readonly string[]): Promise<StoredContribution[]> {
    if (ids.length === 0) return [];
    return (await this.contributions.find({ _id: { $in: [...ids] } } as never, { projection: { consumedAt: 0 } }).toArray()) as StoredContribution[];
  }
}
