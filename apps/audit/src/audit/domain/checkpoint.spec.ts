import { buildCheckpoint, CHAIN_GENESIS, chainRoot, verifyChainOfDays, verifyCheckpoint } from './checkpoint';
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

describe('the chain of sealed days', () => {
  const seal = (days: { date: string; root: string }[]) => {
    let previous = CHAIN_GENESIS;
    return days.map((d) => {
      const stored = { ...d, leavesRoot: d.root, chainRoot: chainRoot(previous, d.date, d.root) };
      previous = stored.chainRoot;
      return stored;
    });
  };
  const days = seal([
    { date: '2025-07-01', root: 'a'.repeat(64) },
    { date: '2025-07-02', root: 'b'.repeat(64) },
    { date: '2025-07-03', root: 'c'.repeat(64) },
  ]);

  it('verifies and gives a head that depends on every day', () => {
    const chain = verifyChainOfDays(days);
    expect(chain).toMatchObject({ days: 3, consistent: true, head: days[2].chainRoot });
    expect(verifyChainOfDays(days, days[1].chainRoot)).toMatchObject({ matchesExportedHead: true });
  });

  it('names a past day rewritten with a consistent new root, and one whose leaves were altered', () => {
    const rewritten = days.map((d, i) => (i === 1 ? { ...d, root: 'd'.repeat(64), leavesRoot: 'd'.repeat(64) } : d));
    expect(verifyChainOfDays(rewritten)).toMatchObject({ consistent: false, firstBroken: { date: '2025-07-02', reason: expect.stringMatching(/rewritten/) } });
    const altered = days.map((d, i) => (i === 0 ? { ...d, leavesRoot: 'e'.repeat(64) } : d));
    expect(verifyChainOfDays(altered)).toMatchObject({ consistent: false, firstBroken: { date: '2025-07-01', reason: expect.stringMatching(/leaves altered/) } });
  });

  it('a chain rebuilt after a rewrite no longer leads through the head exported before it', () => {
    const exported = verifyChainOfDays(days).head;
    const rebuilt = seal([days[0], { date: '2025-07-02', root: 'd'.repeat(64) }, days[2]]);
    expect(verifyChainOfDays(rebuilt)).toMatchObject({ consistent: true });
    expect(verifyChainOfDays(rebuilt, exported)).toMatchObject({ matchesExportedHead: false });
  });
});
