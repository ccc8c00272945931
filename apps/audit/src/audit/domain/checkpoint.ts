import { sha256Hex } from '@nangsuat/event-sourcing';
import { compareLeaves, LeafFinding, MerkleLeaf, merkleRoot } from './merkle';

export const CHECKPOINT_FORMAT = 'nangsuat-audit-checkpoint/1';
export const CHECKPOINT_HASHING =
  'leaves in global-position order; leafHash = SHA-256("leaf:" + canonicalJson({eventId, globalPosition, hash, streamId, streamVersion, type})); ' +
  'nodeHash = SHA-256("node:" + left + right) over hex strings; an odd last node is promoted; empty root = SHA-256("empty"); ' +
  'hash = SHA-256 of the event\'s canonical JSON without its hash member (libs/event-store hashEvent)';

/** A checkpoint as exported: self-contained, verifiable offline by recomputing the root from the leaves. */
export interface Checkpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly context: string;
  /** Vietnam calendar date (Asia/Ho_Chi_Minh) of the events' recordedAt. */
  readonly date: string;
  readonly timeZone: 'Asia/Ho_Chi_Minh';
  readonly root: string;
  readonly leafCount: number;
  readonly leaves: readonly MerkleLeaf[];
  readonly sealed: boolean;
  readonly sealedAt?: string;
  readonly hashing: string;
}

export function buildCheckpoint(context: string, date: string, leaves: readonly MerkleLeaf[], sealedAt?: Date): Checkpoint {
  return {
    format: CHECKPOINT_FORMAT,
    context,
    date,
    timeZone: 'Asia/Ho_Chi_Minh',
    root: merkleRoot(leaves),
    leafCount: leaves.length,
    leaves,
    sealed: sealedAt !== undefined,
    sealedAt: sealedAt?.toISOString(),
    hashing: CHECKPOINT_HASHING,
  };
}

export interface CheckpointVerification {
  readonly context: string;
  readonly date: string;
  /** The checkpoint's leaves hash to its root (it was not altered itself). */
  readonly checkpointConsistent: boolean;
  readonly checkpointRoot: string;
  readonly recomputedCheckpointRoot: string;
  readonly currentRoot: string;
  readonly currentLeafCount: number;
  /** The ledger still holds exactly what the checkpoint recorded. */
  readonly intact: boolean;
  readonly findings: LeafFinding[];
}

export function verifyCheckpoint(checkpoint: Pick<Checkpoint, 'context' | 'date' | 'root' | 'leaves'>, current: readonly MerkleLeaf[]): CheckpointVerification {
  const recomputed = merkleRoot(checkpoint.leaves);
  const currentRoot = merkleRoot(current);
  const findings = compareLeaves(checkpoint.leaves, current);
  return {
    context: checkpoint.context,
    date: checkpoint.date,
    checkpointConsistent: recomputed === checkpoint.root,
    checkpointRoot: checkpoint.root,
    recomputedCheckpointRoot: recomputed,
    currentRoot,
    currentLeafCount: current.length,
    intact: recomputed === checkpoint.root && currentRoot === checkpoint.root && findings.length === 0,
    findings,
  };
}

/**
 * The days of a context chained: each sealed day's chain root hashes the previous day's chain root
 * with the day's own Merkle root, so rewriting any past day (its leaves and root made consistent
 * again) changes every later chain root, and the head — printed in a report or sent outside —
 * no longer matches.
 */
export const CHAIN_GENESIS = sha256Hex('nangsuat-audit-checkpoint-chain');

export function chainRoot(previousChainRoot: string, date: string, root: string): string {
  return sha256Hex(`chain:${previousChainRoot}:${date}:${root}`);
}

export interface SealedDay {
  readonly date: string;
  /** The root stored when the day was sealed. */
  readonly root: string;
  /** The root the stored leaves hash to now. */
  readonly leavesRoot: string;
  /** The chain root stored when the day was sealed (absent for days sealed before chaining). */
  readonly chainRoot?: string;
}

export interface ChainVerification {
  readonly days: number;
  /** The chain root of the latest sealed day, recomputed from the stored roots. */
  readonly head: string;
  /** Every day's leaves hash to its root and every stored chain root matches the recomputed chain. */
  readonly consistent: boolean;
  readonly firstBroken?: { readonly date: string; readonly reason: string };
  /** Given a head exported earlier: the chain up to that head is unchanged. */
  readonly matchesExportedHead?: boolean;
}

export function verifyChainOfDays(days: readonly SealedDay[], exportedHead?: string): ChainVerification {
  let previous = CHAIN_GENESIS;
  let firstBroken: ChainVerification['firstBroken'];
  let sawExported = exportedHead === undefined;
  for (const day of days) {
    const recomputed = chainRoot(previous, day.date, day.root);
    if (!firstBroken && day.leavesRoot !== day.root) firstBroken = { date: day.date, reason: "the stored leaves no longer hash to the day's root (leaves altered)" };
    if (!firstBroken && day.chainRoot !== undefined && day.chainRoot !== recomputed) {
      firstBroken = { date: day.date, reason: 'the chain root stored at sealing does not follow from the days before (a past day was rewritten)' };
    }
    if (recomputed === exportedHead) sawExported = true;
    previous = recomputed;
  }
  return {
    days: days.length,
    head: previous,
    consistent: !firstBroken,
    ...(firstBroken ? { firstBroken } : {}),
    ...(exportedHead !== undefined ? { matchesExportedHead: sawExported } : {}),
  };
}
