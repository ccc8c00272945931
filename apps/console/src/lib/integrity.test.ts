import { describe, expect, it } from 'vitest';
import { canonicalJson, checkReportSeal, leafHash, merkleRoot, verifyInclusion } from './integrity';
import { dayLeaves, leaves, proofOfE2, ROOT, sealed } from './integrity.fixtures';

describe('integrity checks recomputed in the browser', () => {
  it('computes a day’s Merkle root as the audit service does, and a different one when a leaf moves', async () => {
    expect(await merkleRoot(dayLeaves)).toBe(ROOT);
    expect(await merkleRoot([dayLeaves[1], dayLeaves[0], ...dayLeaves.slice(2)])).not.toBe(ROOT);
  });

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
