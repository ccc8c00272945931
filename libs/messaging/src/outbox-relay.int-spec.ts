import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { EventStore, PositionAllocation, RecordedEvent } from '@nangsuat/event-store';
import { storeAdapters, TestStore } from '../../event-store/src/testing/adapters';
import { testMetadata } from '../../event-store/src/testing/mongo';
import { OutboxRelay } from './outbox-relay';
import { eventsTopic } from './topics';
import { collect, createTopics, deleteTopics, eventually, testKafka, uniqueSuffix } from './testing/kafka';

/** The relay's two paths (commit notice and sweep) and its checkpoint, against each store and Kafka. */
describe.each(storeAdapters)('Outbox relay: fast path, predecessors, checkpoint and holes ($name + Kafka)', (adapter) => {
  let kafka: Kafka;
  let producer: Producer;
  const opened: TestStore[] = [];
  const topics: string[] = [];
  const stops: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    producer = kafka.producer({ maxInFlightRequests: 1 });
    await producer.connect();
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });
  afterAll(async () => {
    await producer.disconnect();
    await deleteTopics(kafka, topics);
    for (const o of opened) await o.drop();
  });

  /** A store of its own (own collections, own topic) and a collector on its topic. */
  async function setUp(name: string, storeOptions: { afterPositionsAllocated?: (a: PositionAllocation) => Promise<void> | void } = {}) {
    const context = `relay${name}${uniqueSuffix()}`;
    const topic = eventsTopic(context);
    topics.push(topic);
    await createTopics(kafka, [topic]);
    const own = await adapter.open(context, { boundedContext: context, ...storeOptions });
    opened.push(own);
    const store = own.store;
    const collected = await collect(kafka, topic);
    stops.push(collected.stop);
    const values = () => collected.messages.map((m: KafkaMessage) => JSON.parse(m.value!.toString()) as RecordedEvent);
    const versionsOf = (streamId: string) => values().filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
    return { context, topic, store, own, values, versionsOf };
  }

  function startRelay(store: EventStore, options: ConstructorParameters<typeof OutboxRelay>[2] = {}) {
    const relay = new OutboxRelay(store, producer, { sweepIntervalMs: 60_000, ...options });
    relay.start();
    stops.push(() => relay.stop());
    return relay;
  }

  it("publishes this process's appends from the commit notice, in stream order, without reading the store again", async () => {
    const { store, versionsOf, values } = await setUp('fast');
    await store.append('plan-before', [{ type: 'Drafted', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
    const relay = startRelay(store); // sweeps once at start, then not for a minute
    await eventually(() => versionsOf('plan-before').length === 1, 'the commit made before start, found by the first sweep');

    const reads = jest.spyOn(store, 'readCommits');
    // Concurrent appends, several to the same streams (their retries land versions in any order of completion).
    await Promise.all(
      Array.from({ length: 18 }, (_, i) =>
        store.append(`plan-${i % 3}`, [{ type: 'TargetSet', data: { i } }, { type: 'TargetSet', data: { i, second: true } }], { expectedVersion: 'any', metadata: testMetadata }),
      ),
    );
    await eventually(() => values().length === 37, 'all 36 events on Kafka');
    for (const stream of ['plan-0', 'plan-1', 'plan-2']) expect(versionsOf(stream)).toEqual(Array.from({ length: 12 }, (_, v) => v + 1));
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();

    await relay.stop(); // saves the checkpoint: a relay starting now has nothing to publish again
    expect(await relay.backlog()).toBe(0);
  });

  it("waits for a stream's earlier commit that another process wrote, and publishes it first", async () => {
    const { own, store, versionsOf } = await setUp('pred');
    const relay = startRelay(store);
    await store.append('plan-warm', [{ type: 'Drafted', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
    await eventually(() => versionsOf('plan-warm').length === 1, 'the relay running');

    // Another process (its own store instance, no relay here) appends versions 1 and 2 ...
    const otherProcess = own.sibling();
    await otherProcess.append('plan-shared', [{ type: 'Drafted', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
    await otherProcess.append('plan-shared', [{ type: 'TargetSet', data: {} }], { expectedVersion: 1, metadata: testMetadata });
    // ... and this process appends version 3: it must not reach Kafka before 1 and 2.
    await store.append('plan-shared', [{ type: 'Issued', data: {} }], { expectedVersion: 2, metadata: testMetadata });

    await eventually(() => versionsOf('plan-shared').length >= 3, 'the three commits of plan-shared');
    expect(versionsOf('plan-shared')).toEqual([1, 2, 3]);
    await relay.stop();
    expect(await relay.backlog()).toBe(0);
  });

  it('a hole left by a writer that stalled is claimed as void after the timeout; the late writer appends again and nothing is lost', async () => {
    let holdSlowWriter: (() => void) | undefined;
    let heldPosition: number | undefined;
    const { store, versionsOf, values } = await setUp('hole', {
      afterPositionsAllocated: async ({ streamId, firstPosition }) => {
        if (streamId !== 'plan-slow' || heldPosition !== undefined) return;
        heldPosition = firstPosition; // only the first try stalls
        await new Promise<void>((resolve) => (holdSlowWriter = resolve));
      },
    });
    let clock = 1_000_000;
    const relay = startRelay(store, { sweepIntervalMs: 50, gapTimeoutMs: 10_000, checkpointIntervalMs: 10, now: () => clock });

    const slow = store.append('plan-slow', [{ type: 'Drafted', data: { late: true } }], { expectedVersion: 'no-stream', metadata: testMetadata });
    await eventually(() => holdSlowWriter !== undefined, 'the slow writer holding its position');
    await store.append('plan-fast', [{ type: 'Drafted', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
    await eventually(() => versionsOf('plan-fast').length === 1, 'the later commit published despite the hole');
    await new Promise((r) => setTimeout(r, 300)); // several sweeps: the hole holds the checkpoint back
    expect(await relay.backlog()).toBe(1);

    clock += 10_001; // the hole outlives the gap timeout
    await eventually(async () => (await store.readCommits(heldPosition! - 1, 1))[0]?.void === true, 'the hole claimed as void');
    await eventually(async () => (await relay.backlog()) === 0, 'the checkpoint past the hole');

    holdSlowWriter!(); // the writer wakes up: its position is taken, so it appends again at new ones
    const { events } = await slow;
    expect(events[0].globalPosition).toBeGreaterThan(heldPosition!);
    await eventually(() => versionsOf('plan-slow').length === 1, 'the late event published');
    expect(values().find((e) => e.streamId === 'plan-slow')?.data).toEqual({ late: true });
  });

  it('with two replicas exactly one relay publishes; when the leader stops the other takes over within seconds', async () => {
    const { own, store, values } = await setUp('lead');
    const replica = own.sibling();
    const sends = { a: 0, b: 0 };
    const counting = (name: keyof typeof sends) => ({ send: (record: Parameters<Producer['send']>[0]) => ((sends[name] += record.messages.length), producer.send(record)) }) as Producer;
    const a = new OutboxRelay(store, counting('a'), { sweepIntervalMs: 500, leadershipRetryMs: 100 });
    const b = new OutboxRelay(replica, counting('b'), { sweepIntervalMs: 500, leadershipRetryMs: 100 });
    a.start();
    b.start();
    stops.push(() => a.stop(), () => b.stop());
    await eventually(() => a.isLeader || b.isLeader, 'a leader');
    expect(a.isLeader && b.isLeader).toBe(false);

    // Both replicas append; only the leader publishes, each event once.
    for (let i = 0; i < 10; i++) await (i % 2 ? replica : store).append(`plan-r${i}`, [{ type: 'Drafted', data: { i } }], { expectedVersion: 'no-stream', metadata: testMetadata });
    await eventually(() => values().length === 10, 'ten events on Kafka');
    expect(new Set(values().map((e) => e.id)).size).toBe(10);
    const [leader, follower, leaderName, followerName] = a.isLeader ? ([a, b, 'a', 'b'] as const) : ([b, a, 'b', 'a'] as const);
    expect(sends[followerName]).toBe(0);
    expect(sends[leaderName]).toBe(10);

    await leader.stop();
    await eventually(() => follower.isLeader, 'the other replica leading', 10_000);
    for (let i = 10; i < 15; i++) await (i % 2 ? replica : store).append(`plan-r${i}`, [{ type: 'Drafted', data: { i } }], { expectedVersion: 'no-stream', metadata: testMetadata });
    await eventually(() => values().length >= 15, 'the events appended after the handover');
    expect(new Set(values().map((e) => e.id)).size).toBe(15);
    expect(sends[followerName]).toBeGreaterThanOrEqual(5);
  });
});
