import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DomainRuleViolation, hashEvent, NotFound } from '@nangsuat/event-sourcing';
import { isIsoDate, toVietnamDate } from '@nangsuat/vietnamese';
import { AUDITED_CONTEXTS } from '../common/contexts';
import { buildCheckpoint, chainRoot, Checkpoint, ChainVerification, CheckpointVerification, verifyChainOfDays, verifyCheckpoint } from '../domain/checkpoint';
import { InclusionProof, inclusionProof, MerkleLeaf, merkleRoot } from '../domain/merkle';
import { CheckpointDocument, isDuplicateKey, LedgerRepository } from '../ledger/ledger.repository';

export interface CheckpointCheck extends CheckpointVerification {
  /** Events in the ledger now that arrived after the checkpoint was sealed (backfill, late delivery). */
  readonly lateArrivals: string[];
  /** Why the answer is what it is, when that is not plain from the findings (a day not sealed yet). */
  readonly note?: string;
}

/**
 * A Merkle root per context per Vietnam day over the day's events (global-position order). A day is
 * sealed (stored with its leaves) once it is over; an auditor exports it and can later check that
 * the ledger still holds exactly those events.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoints');
  private timer?: NodeJS.Timeout;

  constructor(private readonly repository: LedgerRepository) {}

  onApplicationBootstrap(): void {
    // Seal finished days in the background; unref'd so it never keeps a process alive.
    this.timer = setInterval(() => void this.sealDueDays().catch((e) => this.logger.warn(`sealing failed: ${(e as Error).message}`)), 10 * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The day's leaves as the ledger holds them now; each event's hash is recomputed from its content. */
  async currentLeaves(context: string, date: string): Promise<MerkleLeaf[]> {
    const docs = await this.repository.ledger.find({ context, day: date }).sort({ 'event.globalPosition': 1 }).toArray();
    return docs.map(({ event }) => ({
      eventId: event.id,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition,
      type: event.type,
      hash: hashEvent(event),
    }));
  }

  async get(context: string, date: string, now = new Date()): Promise<Checkpoint> {
    checkArgs(context, date);
    const stored = await this.repository.checkpoints.findOne({ _id: `${context}:${date}` });
    if (stored) return fromDocument(stored);
    const leaves = await this.currentLeaves(context, date);
    if (date < toVietnamDate(now)) return this.seal(context, date, leaves);
    return buildCheckpoint(context, date, leaves);
  }

  async seal(context: string, date: string, leaves?: MerkleLeaf[]): Promise<Checkpoint> {
    const all = leaves ?? (await this.currentLeaves(context, date));
    const root = merkleRoot(all);
    // Chained to the days sealed before it (in sealing order), so a rewritten past day shows.
    const previousChainRoot = (await this.chain(context)).head;
    const doc: CheckpointDocument = {
      _id: `${context}:${date}`,
      context,
      date,
      root,
      leafCount: all.length,
      leaves: all,
      sealedAt: new Date(),
      previousChainRoot,
      chainRoot: chainRoot(previousChainRoot, date, root),
    };
    try {
      await this.repository.checkpoints.insertOne(doc);
      return fromDocument(doc);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return fromDocument((await this.repository.checkpoints.findOne({ _id: doc._id }))!);
    }
  }

  async sealDueDays(now = new Date()): Promise<number> {
    const today = toVietnamDate(now);
    let sealed = 0;
    for (const context of AUDITED_CONTEXTS) {
      const days = ((await this.repository.ledger.distinct('day', { context })) as string[]).sort();
      for (const day of days.filter((d) => d < today)) {
        if (await this.repository.checkpoints.findOne({ _id: `${context}:${day}` }, { projection: { _id: 1 } })) continue;
        await this.seal(context, day);
        sealed++;
      }
    }
    return sealed;
  }

  /** Re-verifies an exported checkpoint against the ledger as it is now. */
  async verify(checkpoint: Pick<Checkpoint, 'context' | 'date' | 'root' | 'leaves'>): Promise<CheckpointCheck> {
    checkArgs(checkpoint.context, checkpoint.date);
    const current = await this.currentLeaves(checkpoint.context, checkpoint.date);
    const result = verifyCheckpoint(checkpoint, current);
    const stored = await this.repository.checkpoints.findOne({ _id: `${checkpoint.context}:${checkpoint.date}` }, { projection: { sealedAt: 1 } });
    const added = result.findings.filter((f) => f.kind === 'added').map((f) => f.eventId);
    const lateArrivals = stored && added.length
      ? (await this.repository.ledger.find({ _id: { $in: added }, receivedAt: { $gt: stored.sealedAt } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id)
      : [];
    return { ...result, lateArrivals };
  }

  /**
   * Verification by root alone (a GET for auditors, who may not POST): the stored checkpoint's
   * leaves are trusted only if they hash to the root the auditor exported earlier.
   */
  async verifyRoot(context: string, date: string, root: string): Promise<CheckpointCheck & { storedCheckpoint: 'matches-root' | 'altered' | 'missing' }> {
    checkArgs(context, date);
    const stored = await this.repository.checkpoints.findOne({ _id: `${context}:${date}` });
    if (!stored) {
      const result = await this.verify({ context, date, root, leaves: [] });
      return {
        ...result,
        findings: [],
        storedCheckpoint: 'missing',
        note: `No checkpoint of ${context} for ${date} is sealed yet: a day is sealed once it is over (Asia/Ho_Chi_Minh), so there is nothing to verify a root against. intact is false only because nothing proves it; verify again after the day is sealed, or post the checkpoint you exported.`,
      };
    }
    const authentic = merkleRoot(stored.leaves) === root;
    const result = await this.verify({ context, date, root, leaves: stored.leaves });
    return { ...result, storedCheckpoint: authentic ? 'matches-root' : 'altered' };
  }

  /**
   * The chain of a context's sealed days, recomputed from the stored checkpoints: its head (export it,
   * print it in a report) and the first day that does not verify. Given a head exported earlier, says
   * whether the chain still leads through it.
   */
  async chain(context: string, exportedHead?: string): Promise<ChainVerification> {
    if (!AUDITED_CONTEXTS.includes(context as (typeof AUDITED_CONTEXTS)[number])) throw new DomainRuleViolation(`context must be one of ${AUDITED_CONTEXTS.join(', ')}`, 'invalid-context', { context: context.slice(0, 40) });
    const docs = await this.repository.checkpoints.find({ context }).sort({ sealedAt: 1, date: 1 }).toArray();
    return verifyChainOfDays(
      docs.map((d) => ({ date: d.date, root: d.root, leavesRoot: merkleRoot(d.leaves), chainRoot: d.chainRoot })),
      exportedHead,
    );
  }

  async proof(context: string, date: string, eventId: string): Promise<InclusionProof & { leaf: MerkleLeaf; sealed: boolean }> {
    const checkpoint = await this.get(context, date);
    const index = checkpoint.leaves.findIndex((l) => l.eventId === eventId);
    if (index < 0) throw new NotFound(`Event ${eventId} is not in the ${context} checkpoint of ${date}.`, { eventId, context, date });
    return { ...inclusionProof(checkpoint.leaves, index), leaf: checkpoint.leaves[index], sealed: checkpoint.sealed };
  }
}

function fromDocument(doc: CheckpointDocument): Checkpoint {
  const checkpoint = buildCheckpoint(doc.context, doc.date, doc.leaves, doc.sealedAt);
  // The stored root is what was sealed; if the stored leaves were altered they no longer hash to it.
  return { ...checkpoint, root: doc.root };
}

function checkArgs(context: string, date: string): void {
  if (!(AUDITED_CONTEXTS as readonly string[]).includes(context)) {
    throw new DomainRuleViolation(`Unknown context "${context}"; one of ${AUDITED_CONTEXTS.join(', ')}.`, 'unknown-context');
  }
  if (!isIsoDate(date)) throw new DomainRuleViolation(`"${date}" is not a date (YYYY-MM-DD).`, 'invalid-date');
}
