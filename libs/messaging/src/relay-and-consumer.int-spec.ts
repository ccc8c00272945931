import { randomBytes } from 'node:crypto';
import { MongoReadModels, PostgresReadModels } from '@nangsuat/read-models';
import { Pool } from 'pg';
import { trace } from '@opentelemetry/api';
import type { Consumer, Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { EventStore, RecordedEvent } from '@nangsuat/event-store';
import { postgresAdapter, testPostgresUrl, TestStore } from '../../event-store/src/testing/adapters';
import { connectTestDatabase, testMetadata } from '../../event-store/src/testing/mongo';
import { applyOnce } from './apply-once';
import { IdempotentConsumer } from './idempotent-consumer';
import { OutboxRelay } from './outbox-relay';
import { eventsTopic } from './topics';
import { collect, createTopics, deleteTopics, eventually, testKafka, uniqueSuffix } from './testing/kafka';
import { installTestTracing } from './testing/tracing';
import { eventToMessage } from './kafka-message';
import { Headers } from './topics';

const spans = installTestTracing();

describe('Outbox relay and idempotent consumer (FerretDB + Kafka)', () => {
  const suffix = uniqueSuffix();
  const context = `relay${suffix}`;
  const topic = eventsTopic(context);
  const dlq = `${topic}.dlq`;
  let kafka: Kafka;
  let producer: Producer;
  let connection: Connection;
  let drop: () => Promise<void>;
  let store: EventStore;
  let eventStore: TestStore;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    kafka = testKafka();
    await createTopics(kafka, [topic, dlq]);
    producer = kafka.producer({ maxInFlightRequests: 1 });
    await producer.connect();
    ({ connection, drop } = await connectTestDatabase('relay'));
    // The production shape: events in PostgreSQL, read models (and consumer receipts) on the MongoDB wire.
    eventStore = await postgresAdapter.open(context, { boundedContext: context });
    store = eventStore.store;
  });
  afterAll(async () => {
    for (const c of consumers) await c.disconnect();
    await producer.disconnect();
    await deleteTopics(kafka, [topic, dlq]);
    await drop();
    await eventStore.drop();
  });

  /** A projection that counts events per stream, written once per event with applyOnce. */
  async function startProjection(name: string, onDelivery: (e: RecordedEvent) => void = () => undefined, maxAttempts = 3) {
    const wrapper = new IdempotentConsumer({ consumer: name, documents: new MongoReadModels(connection), producer, maxAttempts, sleep: async () => undefined });
    const consumer = kafka.consumer({ groupId: `${name}-${suffix}` });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const outcomes: string[] = [];
    const spanTraceIds: string[] = [];
    await consumer.run({
      eachMessage: async (payload) => {
        const outcome = await wrapper.handle(payload, async (event) => {
          onDelivery(event);
          spanTraceIds.push(trace.getActiveSpan()?.spanContext().traceId ?? '');
          await applyOnce(connection.collection<any>(`${name}_counts`), { _id: event.streamId }, event.id, { $inc: { count: 1 } });
        });
        outcomes.push(outcome);
      },
    });
    const count = async (streamId: string) => ((await connection.collection<any>(`${name}_counts`).findOne({ _id: streamId }))?.count as number) ?? 0;
    return { outcomes, spanTraceIds, count };
  }

  it('publishes in stream order with key = stream id, the envelope as value and trace headers', async () => {
    const collected = await collect(kafka, topic);
    consumers.push(collected.consumer);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    for (let i = 1; i <= 5; i++) {
      await store.append('plan-order', [{ type: 'Step', data: { i } }], { expectedVersion: i === 1 ? 'no-stream' : i - 1, metadata: { ...testMetadata, traceparent, tracestate: 'vn=1' } });
    }
    const relay = new OutboxRelay(store, producer);
    expect(await relay.backlog()).toBe(5);
    expect(await relay.publishPending()).toBe(5);
    expect(await relay.backlog()).toBe(0);

    const ofStream = (ms: KafkaMessage[]) => ms.filter((m) => m.key?.toString() === 'plan-order');
    await eventually(() => ofStream(collected.messages).length === 5, 'five messages');
    const messages = ofStream(collected.messages);
    const values = messages.map((m) => JSON.parse(m.value!.toString()) as RecordedEvent);
    expect(values.map((v) => v.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    expect(values).toEqual(await store.readStream('plan-order'));
    expect(messages[0].headers).toMatchObject({ traceparent: Buffer.from(traceparent), tracestate: Buffer.from('vn=1') });
    expect(messages[0].headers?.[Headers.eventId]?.toString()).toBe(values[0].id);
    expect(messages[0].headers?.[Headers.eventType]?.toString()).toBe('Step');
  });

  it('relay killed between append and publish: published after restart, applied exactly once; the consumer continues the trace', async () => {
    const deliveries: string[] = [];
    const projection = await startProjection('crash', (e) => deliveries.push(e.id));
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const { events } = await store.append('plan-crash', [{ type: 'PlanIssued', data: {} }], {
      expectedVersion: 'no-stream',
      metadata: { ...testMetadata, traceparent: `00-${traceId}-b7ad6b7169203331-01` },
    });

    // First relay "dies" after Kafka acknowledged the batch and before marking it.
    const crashing = new OutboxRelay(store, producer, { afterPublish: () => Promise.reject(new Error('relay process killed')) });
    await expect(crashing.publishPending()).rejects.toThrow('relay process killed');
    expect(await crashing.backlog()).toBe(1);

    // A restarted relay publishes it again and saves its checkpoint.
    const restarted = new OutboxRelay(store, producer);
    restarted.start();
    await eventually(async () => (await restarted.backlog()) === 0, 'checkpoint past the commit');
    await restarted.stop();

    await eventually(() => deliveries.filter((id) => id === events[0].id).length >= 1 && projection.outcomes.length >= 7, 'deliveries');
    await eventually(() => projection.outcomes.filter((o) => o === 'duplicate').length >= 1, 'the second delivery');
    expect(await projection.count('plan-crash')).toBe(1);
    expect(deliveries.filter((id) => id === events[0].id)).toHaveLength(1);

    // The consumer's span is a child in the producer's trace.
    const handled = projection.spanTraceIds[deliveries.indexOf(events[0].id)];
    expect(handled).toBe(traceId);
    const consumerSpan = spans.getFinishedSpans().find((s) => s.spanContext().traceId === traceId);
    expect(consumerSpan?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
  });

  it('processed ids are written in batches: a redelivery is recognised before and after they are written, also by a restarted consumer', async () => {
    const { events } = await store.append('plan-batch', [{ type: 'A', data: {} }, { type: 'B', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
    const delivery = (e: RecordedEvent) => ({ topic, partition: 0, message: { ...eventToMessage(e), value: Buffer.from(JSON.stringify(e)) } as never });
    const handled: string[] = [];
    const handler = (e: RecordedEvent) => void handled.push(e.id);
    const first = new IdempotentConsumer({ consumer: 'batched', documents: new MongoReadModels(connection), producer, saveProcessedAfterMs: 60_000 });
    expect(await first.handle(delivery(events[0]), handler)).toBe('processed');
    expect(await first.handle(delivery(events[0]), handler)).toBe('duplicate'); // not written yet: known in memory
    const records = connection.collection<any>('processed_events');
    expect(await records.countDocuments({ consumer: 'batched' })).toBe(0);
    expect(await first.handle(delivery(events[1]), handler)).toBe('processed');
    await first.flush();
    const written = await records.find({ consumer: 'batched' }).toArray();
    expect(written.map((r) => `${r._id} ${r.status}`).sort()).toEqual(events.map((e) => `batched:${e.id} processed`).sort());
    const restarted = new IdempotentConsumer({ consumer: 'batched', documents: new MongoReadModels(connection), producer });
    expect(await restarted.handle(delivery(events[1]), handler)).toBe('duplicate');
    expect(handled).toEqual(events.map((e) => e.id));

    // Received and handled, then the process died before its record was written: handled again.
    const { events: later } = await store.append('plan-batch', [{ type: 'C', data: {} }], { expectedVersion: 2, metadata: testMetadata });
    const dying = new IdempotentConsumer({ consumer: 'batched', documents: new MongoReadModels(connection), producer, saveProcessedAfterMs: 60_000 });
    expect(await dying.handle(delivery(later[0]), handler)).toBe('processed');
    const afterCrash = new IdempotentConsumer({ consumer: 'batched', documents: new MongoReadModels(connection), producer });
    expect(await afterCrash.handle(delivery(later[0]), handler)).toBe('processed');
    expect(handled.filter((id) => id === later[0].id)).toHaveLength(2);
    await afterCrash.flush();
    expect(await new IdempotentConsumer({ consumer: 'batched', documents: new MongoReadModels(connection), producer }).handle(delivery(later[0]), handler)).toBe('duplicate');
  });

  it('on PostgreSQL read models the duplicate check is a lookup of the processed record: no receipt is written, a redelivery is recognised once recorded, an unfinished one is handled again', async () => {
    const schema = `test_consumer_${randomBytes(4).toString('hex')}`;
    const documents = PostgresReadModels.connect(testPostgresUrl(), schema);
    const sql = new Pool({ connectionString: testPostgresUrl(), max: 1 });
    try {
      const { events } = await store.append('plan-pg-check', [{ type: 'A', data: {} }, { type: 'B', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
      const delivery = (e: RecordedEvent) => ({ topic, partition: 0, message: { ...eventToMessage(e), value: Buffer.from(JSON.stringify(e)) } as never });
      const handled: string[] = [];
      const handler = (e: RecordedEvent) => void handled.push(e.id);
      const first = new IdempotentConsumer({ consumer: 'pg-check', documents, producer, saveProcessedAfterMs: 60_000 });
      expect(await first.handle(delivery(events[0]), handler)).toBe('processed');
      expect(await first.handle(delivery(events[0]), handler)).toBe('duplicate'); // known in memory
      // Handled, then the process died before its record was written: another instance handles it again.
      expect(await new IdempotentConsumer({ consumer: 'pg-check', documents, producer }).handle(delivery(events[0]), handler)).toBe('processed');
      expect(handled).toEqual([events[0].id, events[0].id]);
      await first.flush();
      const restarted = new IdempotentConsumer({ consumer: 'pg-check', documents, producer });
      expect(await restarted.handle(delivery(events[0]), handler)).toBe('duplicate');
      expect(await restarted.handle(delivery(events[1]), handler)).toBe('processed');
      await restarted.flush();
      expect(await new IdempotentConsumer({ consumer: 'pg-check', documents, producer }).handle(delivery(events[1]), handler)).toBe('duplicate');
      expect(handled).toEqual([events[0].id, events[0].id, events[1].id]);
      const tables = await sql.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
      expect(tables.rows.map((r) => r.table_name)).toEqual(['rm_processed_events']);
    } finally {
      await documents.close();
      await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await sql.end();
    }
  });

  it('the same event delivered twice with a crash between the write and the processed mark changes the projection once', async () => {
    const counts = connection.collection<any>('twice_counts');
    expect(await applyOnce(counts, { _id: 's' }, 'e1', { $inc: { count: 1 } })).toBe(true);
    expect(await applyOnce(counts, { _id: 's' }, 'e1', { $inc: { count: 1 } })).toBe(false);
    expect(await applyOnce(counts, { _id: 's' }, 'e2', { $inc: { count: 1 } })).toBe(true);
    expect((await counts.findOne({ _id: 's' }))?.count).toBe(2);
  });

  it('a poison message lands in the dead-letter topic with its error, and the consumer goes on', async () => {
    const dead = await collect(kafka, dlq);
    consumers.push(dead.consumer);
    const handled: string[] = [];
    const wrapper = new IdempotentConsumer({ consumer: 'poison', documents: new MongoReadModels(connection), producer, maxAttempts: 3, sleep: async () => undefined });
    const consumer = kafka.consumer({ groupId: `poison-${suffix}` });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    let attempts = 0;
    await consumer.run({
      eachMessage: wrapper.eachMessage(async (event, ctx) => {
        if (event.type === 'Cursed') {
          attempts = ctx.attempt;
          throw new Error(`cannot project ${event.type}`);
        }
        handled.push(event.type);
      }),
    });
    await eventually(async () => (await consumer.describeGroup()).state === 'Stable', 'consumer joined');

    await producer.send({ topic, messages: [{ key: 'x', value: 'not json at all' }] });
    await store.append('plan-poison', [{ type: 'Cursed', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
    await store.append('plan-poison', [{ type: 'Fine', data: {} }], { expectedVersion: 1, metadata: testMetadata });
    await new OutboxRelay(store, producer).publishPending();

    await eventually(() => handled.includes('Fine'), 'the next message handled');
    await eventually(() => dead.messages.length >= 2, 'two dead letters');
    const byError = dead.messages.map((m) => ({ error: m.headers?.[Headers.error]?.toString(), attempts: m.headers?.[Headers.attempts]?.toString(), value: m.value?.toString() }));
    expect(byError).toEqual(
      expect.arrayContaining([
        { error: expect.stringMatching(/not JSON/), attempts: '1', value: 'not json at all' },
        { error: 'cannot project Cursed', attempts: '3', value: expect.stringContaining('"type":"Cursed"') },
      ]),
    );
    expect(attempts).toBe(3);
    expect(dead.messages[0].headers?.[Headers.originalTopic]?.toString()).toBe(topic);
  });
});
