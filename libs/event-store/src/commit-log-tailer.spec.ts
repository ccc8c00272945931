import type { CommitDocument } from './commit';
import { CommitLogTailer } from './commit-log-tailer';

/** A commit log in memory: commits by first position, and what voidAbandonedPositions claims. */
function log() {
  const commits = new Map<number, CommitDocument>();
  const commit = (first: number, last = first, isVoid = false) =>
    commits.set(first, { _id: first, lastPosition: last, streamId: isVoid ? '$void' : `s-${first}`, ...(isVoid ? { void: true as const } : {}) } as CommitDocument);
  const store = {
    readCommits: async (after: number, limit: number) =>
      [...commits.values()]
        .filter((c) => c._id > after)
        .sort((a, b) => a._id - b._id)
        .slice(0, limit),
    voidAbandonedPositions: async (from: number, to: number) => {
      let claimed = 0;
      for (let p = from; p <= to; p++) {
        if ([...commits.values()].some((c) => c._id <= p && p <= c.lastPosition)) continue;
        commit(p, p, true);
        claimed++;
      }
      return claimed;
    },
  };
  return { commit, store };
}

describe('CommitLogTailer: contiguous reads and the one hole policy', () => {
  it('hands over contiguous runs page by page, multi-event commits included, and stops at the end', async () => {
    const { commit, store } = log();
    commit(1, 3);
    commit(4);
    commit(5, 6);
    commit(7);
    const taken: number[][] = [];
    const tailer = new CommitLogTailer(store, { name: 't' });
    expect(await tailer.tail(0, 2, async (page) => void taken.push(page.map((c) => c._id)))).toEqual({ position: 7, claimed: [] });
    expect(taken).toEqual([[1, 4], [5, 7]]);
    expect(await tailer.tail(7, 2, async () => undefined)).toEqual({ position: 7, claimed: [] });
  });

  it('waits at a hole, hands over nothing past it, and reads on once it fills', async () => {
    const { commit, store } = log();
    commit(1);
    commit(3);
    const taken: number[] = [];
    const tailer = new CommitLogTailer(store, { name: 't', now: () => 0 });
    const take = async (page: CommitDocument[]) => void taken.push(...page.map((c) => c._id));
    expect(await tailer.tail(0, 10, take)).toEqual({ position: 1, waitingFor: 2, claimed: [] });
    expect(taken).toEqual([1]);
    commit(2);
    expect(await tailer.tail(1, 10, take)).toEqual({ position: 3, claimed: [] });
    expect(taken).toEqual([1, 2, 3]);
  });

  it('claims a hole as void once it has held the reader back for the timeout, logs it and reads past it', async () => {
    const { commit, store } = log();
    commit(1);
    commit(4);
    let clock = 1_000;
    const warnings: string[] = [];
    const taken: CommitDocument[] = [];
    const tailer = new CommitLogTailer(store, { name: 'relay', gapTimeoutMs: 10_000, now: () => clock, logger: { warn: (m) => warnings.push(m) } });
    const take = async (page: CommitDocument[]) => void taken.push(...page);
    expect(await tailer.tail(0, 10, take)).toMatchObject({ position: 1, waitingFor: 2 });
    clock = 10_999;
    expect(await tailer.tail(1, 10, take)).toMatchObject({ position: 1, waitingFor: 2 });
    expect(warnings).toEqual([]);
    clock = 11_000;
    expect(await tailer.tail(1, 10, take)).toEqual({ position: 4, claimed: [{ from: 2, to: 3 }] });
    expect(taken.map((c) => [c._id, !!c.void])).toEqual([[1, false], [2, true], [3, true], [4, false]]);
    expect(warnings).toEqual(['relay: global positions 2..3 not committed after 10000 ms; 2 claimed as void']);
  });

  it('times each hole from when it was first seen, and starts afresh after forget()', async () => {
    const { commit, store } = log();
    commit(2);
    let clock = 0;
    const tailer = new CommitLogTailer(store, { name: 't', gapTimeoutMs: 100, now: () => clock });
    expect(await tailer.tail(0, 10, async () => undefined)).toMatchObject({ waitingFor: 1 });
    clock = 99;
    tailer.forget();
    expect(await tailer.tail(0, 10, async () => undefined)).toMatchObject({ waitingFor: 1 });
    clock = 198;
    expect(await tailer.tail(0, 10, async () => undefined)).toMatchObject({ waitingFor: 1 });
    clock = 199;
    expect(await tailer.tail(0, 10, async () => undefined)).toMatchObject({ position: 2, claimed: [{ from: 1, to: 1 }] });
  });
});
