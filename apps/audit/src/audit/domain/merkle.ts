import { canonicalJson, sha256Hex } from '@nangsuat/event-sourcing';

/**
 * Merkle trees over the events of one context and one day (docs/decisions/0005-audit-ledger.md).
 *
 * A leaf names its event (id, stream, version, global position, type) and carries the event's hash
 * recomputed from the ledger's copy with the shared hashing code, so a checkpoint that keeps its leaf
 * list can say *which* event differs, not only that the root differs.
 *
 * Hashing (RFC 6962 style, domain-separated so a leaf can never pass for an inner node):
 *   leafHash  = SHA-256("leaf:" + canonicalJson(leaf))
 *   nodeHash  = SHA-256("node:" + left + right)            (hex strings)
 *   an odd node at the end of a level is promoted unchanged to the next level
 *   the root of no leaves is SHA-256("empty")
 */
export interface MerkleLeaf {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly type: string;
  /** SHA-256 of the event's canonical serialisation, recomputed from the ledger's copy. */
  readonly hash: string;
}

export const EMPTY_ROOT = sha256Hex('empty');

export function leafHash(leaf: MerkleLeaf): string {
  const { eventId, streamId, streamVersion, globalPosition, type, hash } = leaf;
  return sha256Hex(`leaf:${canonicalJson({ eventId, streamId, streamVersion, globalPosition, type, hash })}`);
}

export function nodeHash(left: string, right: string): string {
  return sha256Hex(`node:${left}${right}`);
}

/** All levels of the tree, leaves' hashes first, root level last. */
function levels(leafHashes: readonly string[]): string[][] {
  const result: string[][] = [[...leafHashes]];
  while (result[result.length - 1].length > 1) {
    const level = result[result.length - 1];
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
    result.push(next);
  }
  return result;
}

export function merkleRootOfHashes(leafHashes: readonly string[]): string {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  const all = levels(leafHashes);
  return all[all.length - 1][0];
}

export function merkleRoot(leaves: readonly MerkleLeaf[]): string {
  return merkleRootOfHashes(leaves.map(leafHash));
}

/** One step of an inclusion proof: the sibling's hash and on which side it sits. */
export interface ProofStep {
  readonly side: 'left' | 'right';
  readonly hash: string;
}

export interface InclusionProof {
  readonly index: number;
  readonly leafCount: number;
  readonly leafHash: string;
  readonly steps: readonly ProofStep[];
  readonly root: string;
}

/** The audit path of leaf `index`: anyone holding the root can check the leaf belongs to the tree. */
export function inclusionProof(leaves: readonly MerkleLeaf[], index: number): InclusionProof {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) throw new RangeError(`No leaf ${index} among ${leaves.length}`);
  const all = levels(leaves.map(leafHash));
  const steps: ProofStep[] = [];
  let i = index;
  for (let depth = 0; depth < all.length - 1; depth++) {
    const level = all[depth];
    const sibling = i % 2 === 0 ? i + 1 : i - 1;
    if (sibling < level.length) steps.push({ side: i % 2 === 0 ? 'right' : 'left', hash: level[sibling] });
    i = Math.floor(i / 2);
  }
  return { index, leafCount: leaves.length, leafHash: all[0][index], steps, root: all[all.length - 1][0] };
}

export function verifyInclusion(leaf: MerkleLeaf, proof: Pick<InclusionProof, 'steps'>, root: string): boolean {
  let hash = leafHash(leaf);
  for (const step of proof.steps) hash = step.side === 'left' ? nodeHash(step.hash, hash) : nodeHash(hash, step.hash);
  return hash === root;
}

/** What differs between the leaves a checkpoint recorded and the leaves the ledger gives now. */
export type LeafFinding =
  | { readonly kind: 'changed'; readonly eventId: string; readonly streamId: string; readonly streamVersion: number; readonly index: number; readonly expected: MerkleLeaf; readonly actual: MerkleLeaf; readonly fields: readonly string[] }
  | { readonly kind: 'removed'; readonly eventId: string; readonly streamId: string; readonly streamVersion: number; readonly index: number; readonly expected: MerkleLeaf }
  | { readonly kind: 'added'; readonly eventId: string; readonly streamId: string; readonly streamVersion: number; readonly index: number; readonly actual: MerkleLeaf }
  | { readonly kind: 'reordered'; readonly eventId: string; readonly streamId: string; readonly streamVersion: number; readonly expectedIndex: number; readonly actualIndex: number };

const LEAF_FIELDS: readonly (keyof MerkleLeaf)[] = ['hash', 'globalPosition', 'streamId', 'streamVersion', 'type'];

/**
 * Names every event that was changed, removed, added or moved between two leaf lists.
 * Moved events are the fewest that explain the new order: the events kept in place are a longest
 * increasing subsequence of the new positions, every other common event is reported as reordered.
 */
export function compareLeaves(expected: readonly MerkleLeaf[], actual: readonly MerkleLeaf[]): LeafFinding[] {
  const findings: LeafFinding[] = [];
  const actualIndex = new Map<string, number>();
  actual.forEach((leaf, i) => actualIndex.set(leaf.eventId, i));
  const expectedIds = new Set(expected.map((l) => l.eventId));

  const common: { expectedIndex: number; actualIndex: number; leaf: MerkleLeaf }[] = [];
  expected.forEach((leaf, i) => {
    const j = actualIndex.get(leaf.eventId);
    if (j === undefined) {
      findings.push({ kind: 'removed', eventId: leaf.eventId, streamId: leaf.streamId, streamVersion: leaf.streamVersion, index: i, expected: leaf });
      return;
    }
    const now = actual[j];
    const fields = LEAF_FIELDS.filter((f) => leaf[f] !== now[f]);
    if (fields.length > 0) {
      findings.push({ kind: 'changed', eventId: leaf.eventId, streamId: leaf.streamId, streamVersion: leaf.streamVersion, index: i, expected: leaf, actual: now, fields });
    }
    common.push({ expectedIndex: i, actualIndex: j, leaf });
  });
  actual.forEach((leaf, j) => {
    if (!expectedIds.has(leaf.eventId)) findings.push({ kind: 'added', eventId: leaf.eventId, streamId: leaf.streamId, streamVersion: leaf.streamVersion, index: j, actual: leaf });
  });

  const kept = longestIncreasingSubsequence(common.map((c) => c.actualIndex));
  common.forEach((c, k) => {
    if (!kept.has(k)) {
      findings.push({ kind: 'reordered', eventId: c.leaf.eventId, streamId: c.leaf.streamId, streamVersion: c.leaf.streamVersion, expectedIndex: c.expectedIndex, actualIndex: c.actualIndex });
    }
  });
  return findings;
}

/** Indexes (into `values`) of one longest strictly increasing subsequence; O(n log n). */
export function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[len] = index in values of the smallest tail of an increasing run of length len+1
  const previous: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}
