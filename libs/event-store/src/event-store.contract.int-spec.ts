import { CommitLogStore } from './commit-log-store';
import { VersionConflict } from '@nangsuat/event-sourcing';
import { storeAdapters, TestStore } from './testing/adapters';
import { testMetadata } from './testing/mongo';

/** The contract every event store adapter passes, against its real server. */
describe.each(storeAdapters)('Event store contract: appends ($name)', (adapter) => {
  let opened: TestStore;
  let store: CommitLogStore;

  beforeAll(async () => {
    opened = await adapter.open('event_store');
    store = opened.store;
  });
  afterAll(() => opened.drop());

  const planned = (n: number) => ({ type: 'TargetSet', data: { n } });

  it('50 concurrent appends with the same expected version: exactly one wins, versions stay gapless', async () => {
    const streamId = 'plan-concurrent';
    await store.append(streamId, [planned(0), planned(1)], { expectedVersion: 'no-stream', metadata: testMetadata });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => store.append(streamId, [planned(100 + i)], { expectedVersion: 2, metadata: testMetadata })),
    );

    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const o of lost) {
      expect(o.reason).toBeInstanceOf(VersionConflict);
      expect(o.reason).toMatchObject({ streamId, expected: 2, actual: 3 });
    }
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect((await store.verifyStream(streamId)).ok).toBe(true);
  });

  it('concurrent appends with expected version "any" all land, in a gapless order', async () => {
    const streamId = 'plan-any';
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.append(streamId, [planned(i), planned(i)], { expectedVersion: 'any', metadata: testMetadata })));
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await store.verifyStream(streamId)).ok).toBe(true);
  });

  it('two writer processes on one store: positions are claimed by the insert, so none is lost or duplicated', async () => {
    // Separate instances have separate in-process allocators, as two service replicas would.
    const other = opened.sibling();
    const writers = [store, other, store, other];
    const results = await Promise.all(
      writers.flatMap((s, w) => Array.from({ length: 5 }, (_, i) => s.append(`plan-proc-${w}-${i}`, [planned(i), planned(i)], { expectedVersion: 'no-stream', metadata: testMetadata }))),
    );
    const positions = results.flatMap((r) => r.events.map((e) => e.globalPosition));
    expect(new Set(positions).size).toBe(40);
    const stored = await store.readAll({ streamPrefix: 'plan-proc-' });
    expect(stored.map((e) => e.globalPosition).sort((a, b) => a - b)).toEqual([...positions].sort((a, b) => a - b));
  });

  it('a stream id with a NUL character is refused for appends (PostgreSQL text holds no NUL)', async () => {
    await expect(store.append('plan-\u0000x', [planned(1)], { expectedVersion: 'any', metadata: testMetadata })).rejects.toMatchObject({ code: 'invalid-stream-id' });
  });

  it('no-stream fails on an existing stream and a stale exact version is a typed conflict', async () => {
    await store.append('plan-ns', [planned(1)], { expectedVersion: 'no-stream', metadata: testMetadata });
    await expect(store.append('plan-ns', [planned(2)], { expectedVersion: 'no-stream', metadata: testMetadata })).rejects.toBeInstanceOf(VersionConflict);
    await expect(store.append('plan-ns', [planned(2)], { expectedVersion: 0, metadata: testMetadata })).rejects.toMatchObject({ code: 'version-conflict', actual: 1 });
    await expect(store.append('plan-new', [planned(1)], { expectedVersion: 3, metadata: testMetadata })).rejects.toMatchObject({ actual: 0 });
  });

  it('an expected version in the middle of an earlier commit is a conflict, never an overlap', async () => {
    await store.append('plan-mid', [planned(1), planned(2), planned(3)], { expectedVersion: 'no-stream', metadata: testMetadata });
    await expect(store.append('plan-mid', [planned(4)], { expectedVersion: 2, metadata: testMetadata })).rejects.toBeInstanceOf(VersionConflict);
    expect((await store.readStream('plan-mid')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
  });

  it('fills the whole envelope and chains the hashes', async () => {
    const metadata = { ...testMetadata, causationId: 'cmd-9', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: 'ns=1' };
    const { events } = await store.append('plan-env', [planned(1), { type: 'TaskAdded', schemaVersion: 2, data: { title: 'Đào tạo' } }], {
      expectedVersion: 'no-stream',
      metadata,
      occurredAt: '2025-01-02T03:04:05.000Z',
    });
    const [first, second] = events;
    expect(first).toMatchObject({ type: 'TargetSet', schemaVersion: 1, streamId: 'plan-env', streamVersion: 1, occurredAt: '2025-01-02T03:04:05.000Z', metadata, prevHash: '' });
    expect(second).toMatchObject({ type: 'TaskAdded', schemaVersion: 2, streamVersion: 2, globalPosition: first.globalPosition + 1, prevHash: first.hash });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(first.recordedAt).toISOString()).toBe(first.recordedAt);
    expect(await store.readStream('plan-env')).toEqual(events);
  });

  it('a repeated command id returns the first result and writes nothing', async () => {
    const commitsBefore = await store.countCommits();
    const first = await store.append('plan-idem', [planned(1)], { expectedVersion: 'no-stream', metadata: testMetadata, commandId: 'cmd-1' });
    const again = await store.append('plan-idem', [planned(1)], { expectedVersion: 'no-stream', metadata: testMetadata, commandId: 'cmd-1' });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(await store.readStream('plan-idem')).toHaveLength(1);
    expect(await store.countCommits()).toBe(commitsBefore + 1);
  });

  it('a command id the caller looked up is still written once: the copy committed since is found by the unique index', async () => {
    const options = { metadata: testMetadata, commandId: 'cmd-looked-up', commandIdLookedUp: true } as const;
    const first = await store.append('plan-idem-looked-up', [planned(1)], { ...options, expectedVersion: 'no-stream' });
    // The second copy decided against the state before the first committed (as a concurrent request does).
    const again = await store.append('plan-idem-looked-up', [planned(1)], { ...options, expectedVersion: 'no-stream' });
    expect(again).toEqual({ ...first, duplicate: true });
    const racing = await Promise.all(Array.from({ length: 6 }, () => store.append('plan-idem-looked-up-race', [planned(1)], { ...options, commandId: 'cmd-looked-up-race', expectedVersion: 'any' })));
    expect(racing.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await store.readStream('plan-idem-looked-up')).toHaveLength(1);
    expect(await store.readStream('plan-idem-looked-up-race')).toHaveLength(1);
  });

  it('the same command id sent concurrently is written once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.append('plan-idem-race', [planned(1)], { expectedVersion: 'any', metadata: testMetadata, commandId: 'cmd-race' })),
    );
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.events[0].id)).size).toBe(1);
    expect(await store.readStream('plan-idem-race')).toHaveLength(1);
  });
});
