import { MongoReadModels } from '@nangsuat/read-models';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { EventStore } from '@nangsuat/event-store';
import { postgresAdapter, TestStore } from '../../event-store/src/testing/adapters';
import { connectTestDatabase, testMetadata } from '../../event-store/src/testing/mongo';
import { IdempotentConsumer } from './idempotent-consumer';
import { OutboxRelay } from './outbox-relay';
import { eventsTopic } from './topics';
import { TestKafkaBroker } from './testing/kafka-broker';
import { createTopics, eventually, testKafka } from './testing/kafka';

jest.setTimeout(240_000);

describe('Kafka stopped and restarted during a burst (own broker)', () => {
  let broker: TestKafkaBroker;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: Consumer;
  let connection: Connection;
  let drop: () => Promise<void>;
  let store: EventStore;
  let eventStore: TestStore;
  let relay: OutboxRelay;
  const topic = eventsTopic('burst');

  beforeAll(async () => {
    broker = await TestKafkaBroker.create();
    await broker.start();
    kafka = testKafka(broker.brokers, 'burst');
    await createTopics(kafka, [topic]);
    ({ connection, drop } = await connectTestDatabase('burst'));
    // The production shape: events in PostgreSQL, read models (and consumer receipts) on the MongoDB wire.
    eventStore = await postgresAdapter.open('burst', { boundedContext: 'burst' });
    store = eventStore.store;
  });
  afterAll(async () => {
    await relay?.stop();
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await broker.destroy();
    await drop();
    await eventStore.drop();
  });

  it('every event arrives, exactly once in effect', async () => {
    producer = kafka.producer({ maxInFlightRequests: 1, retry: { retries: 3, initialRetryTime: 200 } });
    await producer.connect();
    relay = new OutboxRelay(store, producer, { sweepIntervalMs: 50, retryDelayMs: 200, maxRetryDelayMs: 1000 });
    relay.start();

    const applied = new Set<string>();
    let duplicatesApplied = 0;
    const wrapper = new IdempotentConsumer({ consumer: 'burst-projection', documents: new MongoReadModels(connection), producer, maxAttempts: 50, initialBackoffMs: 100, maxBackoffMs: 1000 });
    consumer = kafka.consumer({ groupId: 'burst-projection', retry: { retries: 100, initialRetryTime: 300, maxRetryTime: 2000 } });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: wrapper.eachMessage(async (event) => {
        if (applied.has(event.id)) duplicatesApplied++;
        applied.add(event.id);
      }),
    });

    const appended: string[] = [];
    const burst = async (from: number, count: number) => {
      await Promise.all(
        Array.from({ length: 10 }, async (_, writer) => {
          for (let i = from + writer; i < from + count; i += 10) {
            const { events } = await store.append(`plan-${i % 7}`, [{ type: 'Burst', data: { i } }], { expectedVersion: 'any', metadata: testMetadata });
            appended.push(events[0].id);
          }
        }),
      );
    };

    await burst(0, 100);
    await broker.stop();
    await burst(100, 100); // appends keep succeeding: the store does not need Kafka
    expect(await relay.backlog()).toBeGreaterThan(0);
    await broker.start();
    await burst(200, 100);

    await eventually(() => appended.every((id) => applied.has(id)), `all ${appended.length} events applied`, 180_000);
    expect(applied.size).toBe(300);
    expect(duplicatesApplied).toBe(0);
    await eventually(async () => (await relay.backlog()) === 0, 'checkpoint past every commit');
  });
});
