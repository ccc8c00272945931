import { CatchUpSubscription } from './catch-up-subscription';
import { VersionConflict, RecordedEvent } from '@nangsuat/event-sourcing';
import { CommitLogStore, PositionAllocation } from './commit-log-store';
import { storeAdapters, TestStore } from './testing/adapters';
import { testMetadata } from './testing/mongo';

/** A latch a test opens by hand: holds an append between position allocation and insert. */
function latch() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  let reached!: (a: PositionAllocation) => void;
  const reachedP = new Promise<PositionAllocation>((r) => (reached = r));
  return { open, opened, reached, reachedP };
}

describe.each(storeAdapters)('CatchUpSubscription ($name)', (adapter) => {
  let opened: TestStore;
  let store: CommitLogStore;
  const held = new Map<string, ReturnType<typeof latch>>();
  let clock = 0;
  const warnings: string[] = [];

  beforeAll(async () => {
    opened = await adapter.open('subscription', {
      afterPositionsAllocated: async (allocation) => {
        const l = held.get(allocation.streamId);
        if (!l) return;
        held.delete(allocation.streamId);
        l.reached(allocation);
        await l.opened;
      },
    });
    store = opened.store;
  });
  afterAll(() => opened.drop());

  const subscription = (name: string, seen: RecordedEvent[]) =>
    new CatchUpSubscription(store, { name, handler: (e) => void seen.push(e), gapTimeoutMs: 30_000, now: () => clock, logger: { warn: (m) => warnings.push(m), error: () => undefined } });
  const append = (streamId: string, type: string, expectedVersion: 'any' | 'no-stream' | number = 'any') =>
    store.append(streamId, [{ type, data: {} }], { expectedVersion, metadata: testMetadata });

  it('never skips an event that commits late with a lower global position', async () => {
    const seen: RecordedEvent[] = [];
    const sub = subscription('late-commit', seen);
    await append('s-early', 'First');

    const slow = latch();
    held.set('s-slow', slow);
    const lateAppend = append('s-slow', 'Late');
    const lowPosition = (await slow.reachedP).firstPosition; // allocated, not yet inserted
    const { events: fast } = await append('s-fast', 'Fast');
    expect(fast[0].globalPosition).toBeGreaterThan(lowPosition);

    const first = await sub.poll();
    expect(seen.map((e) => e.type)).toEqual(['First']);
    expect(first).toMatchObject({ waitingFor: lowPosition, position: lowPosition - 1 });
    expect(await sub.poll()).toMatchObject({ handled: 0, waitingFor: lowPosition });

    slow.open();
    await lateAppend;
    expect(await sub.poll()).toMatchObject({ handled: 2, waitingFor: undefined });
    expect(seen.map((e) => e.type)).toEqual(['First', 'Late', 'Fast']);

    // The checkpoint is durable: a new instance resumes after it.
    const resumed: RecordedEvent[] = [];
    await append('s-after', 'After');
    await subscription('late-commit', resumed).poll();
    expect(resumed.map((e) => e.type)).toEqual(['After']);
  });

  it('does not wait for a position whose append failed: the store fills it with a void marker', async () => {
    const seen: RecordedEvent[] = [];
    const sub = subscription('void', seen);
    await sub.poll();
    seen.length = 0;
    await append('s-contended', 'Created', 'no-stream');

    const loser = latch();
    held.set('s-contended', loser);
    const losing = append('s-contended', 'Loser', 1);
    await loser.reachedP;
    await append('s-other', 'Winner');
    await append('s-contended', 'Winner', 1);
    loser.open();
    await expect(losing).rejects.toBeInstanceOf(VersionConflict);

    expect(await sub.poll()).toMatchObject({ waitingFor: undefined });
    expect(seen.map((e) => `${e.streamId}:${e.type}`)).toEqual(['s-contended:Created', 's-other:Winner', 's-contended:Winner']);
  });

  it('skips a hole left by a writer that died after allocating, only after the gap timeout, and logs it', async () => {
    const seen: RecordedEvent[] = [];
    const sub = subscription('dead-writer', seen);
    await sub.poll();
    seen.length = 0;
    const { firstPosition: orphan } = await store.allocatePositions(1); // the writer "dies" here
    await append('s-survivor', 'Survivor');

    clock = 1_000;
    expect(await sub.poll()).toMatchObject({ handled: 0, waitingFor: orphan });
    clock = 30_999;
    expect(await sub.poll()).toMatchObject({ handled: 0, waitingFor: orphan });
    clock = 31_000;
    expect(await sub.poll()).toMatchObject({ handled: 1, waitingFor: undefined });
    expect(seen.map((e) => e.type)).toEqual(['Survivor']);
    expect(warnings.some((w) => w.includes(`${orphan}..${orphan}`))).toBe(true);
    const checkpoint = await store.checkpoints.load('dead-writer');
    expect(checkpoint?.skipped).toEqual([{ from: orphan, to: orphan }]);
  });

  it('filters by type and stream prefix, and rebuilds from scratch after reset', async () => {
    const seen: RecordedEvent[] = [];
    const sub = new CatchUpSubscription(store, { name: 'filtered', handler: (e) => void seen.push(e), types: ['Winner', 'Survivor'], streamPrefix: 's-' });
    await sub.poll();
    const count = seen.length;
    expect(seen.every((e) => ['Winner', 'Survivor'].includes(e.type))).toBe(true);
    await sub.reset();
    seen.length = 0;
    await sub.poll();
    expect(seen).toHaveLength(count);
  });

  it('runs as a loop woken by appends and stops cleanly', async () => {
    // A store of its own: the orphan position of the previous test would (rightly) hold this one up.
    const ownStore = await adapter.open('loop');
    const own = ownStore.store;
    const seen: RecordedEvent[] = [];
    const sub = new CatchUpSubscription(own, { name: 'loop', handler: (e) => void seen.push(e), types: ['Looped'] });
    sub.start();
    await own.append('s-loop', [{ type: 'Looped', data: {} }], { expectedVersion: 'any', metadata: testMetadata });
    await own.append('s-loop', [{ type: 'Looped', data: {} }], { expectedVersion: 'any', metadata: testMetadata });
    while (seen.length < 2) await new Promise((r) => setTimeout(r, 20));
    await sub.stop();
    await ownStore.drop();
    expect(seen.map((e) => e.streamVersion)).toEqual([1, 2]);
  });
});
