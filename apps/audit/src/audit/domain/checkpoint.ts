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
