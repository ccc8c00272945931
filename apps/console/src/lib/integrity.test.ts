import { describe, expect, it } from 'vitest';
import { canonicalJson, checkReportSeal, leafHash, verifyInclusion, type MerkleLeaf } from './integrity';

// Vectors produced by the audit service's own code (apps/audit domain/merkle.ts inclusionProof and
// domain/report-hash.ts sealReport), so the browser's recomputation is checked against the server's.
const leaves: MerkleLeaf[] = [
  { eventId: 'e2', streamId: 'plan-p2', streamVersion: 2, globalPosition: 102, type: 'PlanDrafted', hash: '844ecc08164e2eab27634a9adee1afa6599e589570e719784e080ce747fc0e45' },
  { eventId: 'e5', streamId: 'plan-p5', streamVersion: 5, globalPosition: 105, type: 'PlanIssued', hash: '29f2394eb92d0ded9247b8d7188ebddae3e13c71ebcf939302619b29604486b0' },
];
const ROOT = 'de7dfd0bac48fc2e63c366a0afc0e5b11e474f47a4ff9724cb75d2b9eb0d75d2';
const proofOfE2 = [
  { side: 'left' as const, hash: 'af00b624140b9493675e91f78ee0960acb1aba0dec1d1f15b625ee0bf2b4b1e1' },
  { side: 'right' as const, hash: 'b5dc6ac4bb0d3193bed1d17d515acdda71bebeaff0aa3cc8cf3097447594351f' },
  { side: 'right' as const, hash: '1be2176d63ee1fcde91279881aa02609bfe6cb35c45b64556f6c3a755f940e29' },
];
const sealed = {
  format: 'nangsuat-audit-report/2',
  plan: { planId: 'p', title: 'Kế hoạch năng suất Đắk Lắk' },
  metrics: [{ metric: 'm', countAtEnd: 3, steps: [] }],
  n: 1.5,
  z: null,
  integrity: { algorithm: 'SHA-256', canonicalisation: 'JSON, object keys sorted recursively', sha256: '3839c8653540e3075912baf75134ef2cd781d05458c41e6e9181131c6648b206' },
};

describe('integrity checks recomputed in the browser', () => {
  it('writes canonical JSON as the event store does: keys sorted, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [undefined, 2] } })).toBe('{"a":{"c":[null,2]},"b":1}');
  });

  it('hashes a leaf as the audit service does', async () => {
    expect(await leafHash(leaves[1])).toBe('1be2176d63ee1fcde91279881aa02609bfe6cb35c45b64556f6c3a755f940e29');
  });

  it('accepts the server’s inclusion proofs (a promoted odd leaf and a three-step path)', async () => {
    expect((await verifyInclusion({ leaf: leaves[1], steps: [{ side: 'left', hash: '1f70ac6aa8597304df6ab2e033684a5d571b62ced77d734638772c1c170b74a5' }] }, ROOT)).valid).toBe(true);
    const e2 = await verifyInclusion({ leaf: leaves[0], steps: proofOfE2 }, ROOT);
    expect(e2).toMatchObject({ valid: true, computedRoot: ROOT });
    expect(e2.path).toHaveLength(4);
  });

  it('refuses a proof of an altered leaf, a swapped side or another root', async () => {
    expect((await verifyInclusion({ leaf: { ...leaves[0], streamVersion: 3 }, steps: proofOfE2 }, ROOT)).valid).toBe(false);
    expect((await verifyInclusion({ leaf: leaves[0], steps: [{ ...proofOfE2[0], side: 'right' }, ...proofOfE2.slice(1)] }, ROOT)).valid).toBe(false);
    expect((await verifyInclusion({ leaf: leaves[0], steps: proofOfE2 }, '0'.repeat(64))).valid).toBe(false);
  });

  it('confirms a sealed report and names an altered one', async () => {
    expect(await checkReportSeal(sealed)).toEqual({ claimed: sealed.integrity.sha256, computed: sealed.integrity.sha256, valid: true });
    const altered = await checkReportSeal({ ...sealed, metrics: [{ metric: 'm', countAtEnd: 4, steps: [] }] });
    expect(altered.valid).toBe(false);
    expect(altered.computed).not.toBe(sealed.integrity.sha256);
    expect((await checkReportSeal({ format: 'x' })).valid).toBe(false);
  });
});
