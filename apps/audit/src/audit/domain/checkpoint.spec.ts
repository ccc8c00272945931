import { buildCheckpoint, verifyCheckpoint } from './checkpoint';
import { MerkleLeaf } from './merkle';

const leaf = (i: number): MerkleLeaf => ({ eventId: `e${i}`, streamId: 'plan-4009', streamVersion: i, globalPosition: i, type: 'PlanAmended', hash: String(i).padStart(64, '0') });

describe('checkpoint verification', () => {
  const leaves = [1, 2, 3, 4].map(leaf);
  const exported = JSON.parse(JSON.stringify(buildCheckpoint('plans', '2025-07-01', leaves, new Date('2025-07-02T00:00:00Z'))));

  it('is intact against the same leaves, and states how it was hashed', () => {
    expect(exported).toMatchObject({ format: 'nangsuat-audit-checkpoint/1', timeZone: 'Asia/Ho_Chi_Minh', leafCount: 4, sealed: true });
    expect(verifyCheckpoint(exported, leaves)).toMatchObject({ intact: true, checkpointConsistent: true, findings: [] });
  });

  it('names the event removed from the ledger since', () => {
    expect(verifyCheckpoint(exported, [leaves[0], leaves[1], leaves[3]])).toMatchObject({ intact: false, checkpointConsistent: true, findings: [{ kind: 'removed', eventId: 'e3' }] });
  });

  it('detects a checkpoint altered after export (its leaves no longer give its root)', () => {
    const altered = { ...exported, leaves: [leaf(1), leaf(2), { ...leaf(3), hash: 'f'.repeat(64) }, leaf(4)] };
    expect(verifyCheckpoint(altered, leaves)).toMatchObject({ checkpointConsistent: false, intact: false, findings: [{ kind: 'changed', eventId: 'e3' }] });
  });
});
