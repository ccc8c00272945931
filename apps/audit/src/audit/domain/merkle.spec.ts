import { compareLeaves, EMPTY_ROOT, inclusionProof, leafHash, longestIncreasingSubsequence, MerkleLeaf, merkleRoot, nodeHash, verifyInclusion } from './merkle';

const leaf = (i: number, hash = `h${i}`): MerkleLeaf => ({ eventId: `e${i}`, streamId: `s${i % 3}`, streamVersion: i, globalPosition: i * 10, type: 'T', hash });
const leaves = (n: number) => Array.from({ length: n }, (_, i) => leaf(i + 1));

describe('Merkle root', () => {
  it('has a fixed root for no leaves and the leaf hash for one', () => {
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
    expect(merkleRoot([leaf(1)])).toBe(leafHash(leaf(1)));
  });

  it('pairs nodes and promotes an odd last node', () => {
    const [a, b, c] = leaves(3).map(leafHash);
    expect(merkleRoot(leaves(2))).toBe(nodeHash(a, b));
    expect(merkleRoot(leaves(3))).toBe(nodeHash(nodeHash(a, b), c));
  });

  it('changes with any change of content or order', () => {
    const base = leaves(7);
    const root = merkleRoot(base);
    expect(merkleRoot([...base.slice(0, 3), leaf(4, 'other'), ...base.slice(4)])).not.toBe(root);
    expect(merkleRoot([base[1], base[0], ...base.slice(2)])).not.toBe(root);
    expect(merkleRoot(base.slice(0, 6))).not.toBe(root);
    expect(merkleRoot(leaves(7))).toBe(root);
  });

  it('separates leaves from inner nodes (a node cannot be passed off as a leaf)', () => {
    const [a, b] = leaves(2).map(leafHash);
    expect(leafHash({ ...leaf(1), hash: nodeHash(a, b) })).not.toBe(nodeHash(a, b));
  });
});

describe('inclusion proofs', () => {
  it.each([1, 2, 3, 5, 8, 13])('prove every leaf of a %i-leaf tree', (n) => {
    const all = leaves(n);
    const root = merkleRoot(all);
    for (let i = 0; i < n; i++) {
      const proof = inclusionProof(all, i);
      expect(proof.root).toBe(root);
      expect(verifyInclusion(all[i], proof, root)).toBe(true);
      expect(verifyInclusion({ ...all[i], hash: 'forged' }, proof, root)).toBe(false);
    }
  });

  it('refuses an index outside the tree', () => {
    expect(() => inclusionProof(leaves(2), 2)).toThrow(RangeError);
  });
});

describe('compareLeaves names what differs', () => {
  const before = leaves(6);

  it('finds nothing when the lists are equal', () => {
    expect(compareLeaves(before, leaves(6))).toEqual([]);
  });

  it('names a changed event and the fields that changed', () => {
    const after = before.map((l) => (l.eventId === 'e4' ? { ...l, hash: 'tampered', globalPosition: 99 } : l));
    expect(compareLeaves(before, after)).toEqual([
      expect.objectContaining({ kind: 'changed', eventId: 'e4', index: 3, fields: ['hash', 'globalPosition'] }),
    ]);
  });

  it('names a removed event', () => {
    const after = before.filter((l) => l.eventId !== 'e2');
    expect(compareLeaves(before, after)).toEqual([expect.objectContaining({ kind: 'removed', eventId: 'e2', index: 1 })]);
  });

  it('names an added event', () => {
    expect(compareLeaves(before, [...before, leaf(7)])).toEqual([expect.objectContaining({ kind: 'added', eventId: 'e7', index: 6 })]);
  });

  it('names the two events of a swap, and only the moved one when one event moves far', () => {
    const swapped = [before[0], before[2], before[1], ...before.slice(3)];
    const found = compareLeaves(before, swapped);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'reordered' });
    expect(['e2', 'e3']).toContain(found[0].eventId);

    const moved = [...before.slice(1), before[0]];
    expect(compareLeaves(before, moved)).toEqual([{ kind: 'reordered', eventId: 'e1', streamId: 's1', streamVersion: 1, expectedIndex: 0, actualIndex: 5 }]);
  });

  it('reports several kinds at once', () => {
    const after = [before[0], { ...before[1], hash: 'x' }, before[4], before[3], before[5], leaf(9)];
    const kinds = compareLeaves(before, after).map((f) => `${f.kind}:${f.eventId}`).sort();
    expect(kinds).toEqual(['added:e9', 'changed:e2', 'removed:e3', expect.stringMatching(/^reordered:e[45]$/)]);
  });
});

describe('longestIncreasingSubsequence', () => {
  it('keeps the longest run in place', () => {
    expect([...longestIncreasingSubsequence([0, 2, 1, 3])].length).toBe(3);
    expect([...longestIncreasingSubsequence([5, 0, 1, 2, 3, 4])].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(longestIncreasingSubsequence([]).size).toBe(0);
  });
});
