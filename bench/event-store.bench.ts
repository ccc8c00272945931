/* Event store benchmark: prints figures next to raw-driver / raw-kafkajs baselines measured in the
 * same run on the same servers. Not a test: nothing here asserts on time.
 *   npm run bench:event-store      (MONGODB_URI, KAFKA_BROKERS as for the tests; BENCH_SCALE=0.2 for a quick run) */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { CatchUpSubscription, MongoEventStore, RecordedEvent } from '@nangsuat/event-store';
import { IdempotentConsumer, OutboxRelay, eventToMessage } from '@nangsuat/messaging';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const metadata = { actor: { id: 'u-bench', username: 'bench', unit: '01', roles: ['planner'] }, unit: '01', correlationId: 'bench' };
const payload = { title: 'Nâng cao năng suất chất lượng', target: 120, unit: 'doanh nghiệp', year: 2025 };
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => {
  rows.push(cells.map(String));
  console.log(cells.join('  |  '));
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function appendBench(connection: Connection) {
  for (const perAppend of [1, 10]) {
    for (const writers of [1, 16]) {
      const appends = Math.round((perAppend === 1 ? 2000 : 400) * scale);
      const store = new MongoEventStore(connection, { boundedContext: 'bench', collectionPrefix: `append_${perAppend}_${writers}` });
      await store.ensureIndexes();
      const events = Array.from({ length: perAppend }, (_, i) => ({ type: 'TargetSet', data: { ...payload, i } }));
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let k = 0, version = 0; k < appends / writers; k++) {
            const r = await store.append(`plan-${w}`, events, { expectedVersion: version === 0 ? 'no-stream' : version, metadata });
            version = r.nextExpectedVersion;
          }
        }),
      );
      const storeRate = (appends * perAppend) / ((performance.now() - t0) / 1000);

      // Raw baseline: the driver inserting the same commit documents (same shape, no checks, no counter).
      const sample = await store.commits.find({}, { limit: writers }).toArray();
      const raw = connection.collection<any>(`raw_${perAppend}_${writers}`);
      let next = 1;
      const t1 = performance.now();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let k = 0; k < appends / writers; k++) await raw.insertOne({ ...sample[w % sample.length], _id: next++ });
        }),
      );
      const rawRate = (appends * perAppend) / ((performance.now() - t1) / 1000);
      row(`append ${perAppend}-event commits, ${writers} writer(s)`, `${fmt(storeRate)} ev/s`, `raw insert ${fmt(rawRate)} ev/s`, `${((100 * storeRate) / rawRate).toFixed(0)} %`);
    }
  }
}

async function replayBench(connection: Connection) {
  const total = Math.round(100_000 * scale);
  const store = new MongoEventStore(connection, { boundedContext: 'bench', collectionPrefix: 'replay' });
  await store.ensureIndexes();
  const events = Array.from({ length: 10 }, (_, i) => ({ type: 'TaskProgressed', data: { ...payload, i } }));
  let written = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, w) => {
      for (let version = 0; written < total; ) {
        written += 10;
        version = (await store.append(`task-${w}`, events, { expectedVersion: version === 0 ? 'no-stream' : version, metadata })).nextExpectedVersion;
      }
    }),
  );
  const count = await store.commits.countDocuments({});
  const n = count * 10;

  let seen = 0;
  const sub = new CatchUpSubscription(store, { name: 'bench', handler: () => void seen++, batchSize: 2000 });
  const t0 = performance.now();
  for (let r = await sub.poll(); r.handled > 0; r = await sub.poll());
  const subRate = seen / ((performance.now() - t0) / 1000);

  const t1 = performance.now();
  const all = await store.readAll();
  const readAllRate = all.length / ((performance.now() - t1) / 1000);

  let rawEvents = 0;
  const t2 = performance.now();
  for await (const commit of store.commits.find({}, { sort: { _id: 1 }, batchSize: 2000 })) rawEvents += (commit.events as unknown[]).length;
  const rawRate = rawEvents / ((performance.now() - t2) / 1000);
  row(`replay ${fmt(n)} events (catch-up subscription)`, `${fmt(subRate)} ev/s`, `raw cursor ${fmt(rawRate)} ev/s`, `${((100 * subRate) / rawRate).toFixed(0)} %`);
  row(`replay ${fmt(n)} events (readAll)`, `${fmt(readAllRate)} ev/s`, `raw cursor ${fmt(rawRate)} ev/s`, `${((100 * readAllRate) / rawRate).toFixed(0)} %`);
}

/** Date.now() − performance.now(): turns Kafka's epoch-millisecond timestamps into performance time. */
const epochOffset = Date.now() - performance.now();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function steady(count: number, perSecond: number, send: (i: number) => Promise<void>) {
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
}

async function latencyBench(connection: Connection, base: Connection) {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const suffix = randomBytes(3).toString('hex');
  const topic = `nangsuat.bench${suffix}.events`;
  const rawTopic = `bench-raw-${suffix}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [topic, rawTopic].map((t) => ({ topic: t, numPartitions: 3, replicationFactor: 1 })), waitForLeaders: true });
  const producer = kafka.producer({ maxInFlightRequests: 1 });
  await producer.connect();
  const count = Math.round(2000 * scale);

  // Through the platform: append → relay → Kafka → idempotent consumer.
  const store = new MongoEventStore(connection, { boundedContext: `bench${suffix}`, collectionPrefix: 'latency' });
  await store.ensureIndexes();
  const relay = new OutboxRelay(store, producer, { logger: console });
  relay.start();
  const sentAt = new Map<number, number>();
  const appendedAt = new Map<number, number>();
  const latencies: number[] = [];
  // Where the time goes: append (call → committed), relay (committed → handed to Kafka, by the
  // message's producer timestamp), delivery (Kafka → the handler, after the processed-id check).
  const stages = { append: [] as number[], relay: [] as number[], delivery: [] as number[] };
  let warmedUp = 0;
  const consumer = kafka.consumer({ groupId: `bench-${suffix}` });
  // The consumer records processed ids in its own database, as a consuming service does.
  const consumerDb = base.useDb(`${connection.name}_consumer`);
  const wrapper = new IdempotentConsumer({ consumer: 'bench', connection: consumerDb, producer });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async (payload) => {
      await wrapper.handle(payload, (event: RecordedEvent) => {
        const { i } = event.data as { i: number };
        if (i < 0) return void warmedUp++;
        const now = performance.now();
        latencies.push(now - sentAt.get(i)!);
        const producedAt = Number(payload.message.timestamp) - epochOffset;
        stages.append.push(appendedAt.get(i)! - sentAt.get(i)!);
        stages.relay.push(producedAt - appendedAt.get(i)!);
        stages.delivery.push(now - producedAt);
      });
    },
  });
  await new Promise((r) => setTimeout(r, 3000)); // group join
  // Warm-up (not measured): the 50 streams are created first, one event each through the whole
  // path, so one-off costs — the consumer creating its processed-events index, first metadata
  // fetches, a process's first read of a stream's head — stay out of the steady-state figures.
  for (let s = 0; s < 50; s++) await store.append(`plan-${s}`, [{ type: 'TargetSet', data: { i: -1 } }], { expectedVersion: 'no-stream', metadata });
  while (warmedUp < 50) await new Promise((r) => setTimeout(r, 50));
  await steady(count, 200, async (i) => {
    sentAt.set(i, performance.now());
    await store.append(`plan-${i % 50}`, [{ type: 'TargetSet', data: { i } }], { expectedVersion: 'any', metadata });
    appendedAt.set(i, performance.now());
  });
  while (latencies.length < count) await new Promise((r) => setTimeout(r, 50));
  await relay.stop();
  await consumer.disconnect();

  // Raw store floor: the driver inserting the same commit documents at the same steady rate.
  const commitSample = (await store.commits.findOne({ streamId: 'plan-0' }))!;
  const rawCommits = connection.collection<any>('raw_latency_commits');
  const rawInsertLatencies: number[] = [];
  await steady(count, 200, async (i) => {
    const t0 = performance.now();
    await rawCommits.insertOne({ ...commitSample, _id: i + 1 });
    rawInsertLatencies.push(performance.now() - t0);
  });

  // Raw: kafkajs producing and consuming the same messages.
  const sample = (await store.readStream('plan-0'))[0];
  const rawSentAt = new Map<number, number>();
  const rawLatencies: number[] = [];
  let rawWarmedUp = false; // the same warm-up as above
  const rawConsumer = kafka.consumer({ groupId: `bench-raw-${suffix}` });
  await rawConsumer.connect();
  await rawConsumer.subscribe({ topic: rawTopic, fromBeginning: true });
  await rawConsumer.run({
    eachMessage: async ({ message }) => {
      const i = Number(message.headers?.['bench-i']?.toString());
      if (i >= 0) rawLatencies.push(performance.now() - rawSentAt.get(i)!);
      else rawWarmedUp = true;
    },
  });
  await new Promise((r) => setTimeout(r, 3000));
  await producer.send({ topic: rawTopic, acks: -1, messages: [{ key: 'warm-up', value: '{}', headers: { 'bench-i': '-1' } }] });
  while (!rawWarmedUp) await new Promise((r) => setTimeout(r, 50));
  await steady(count, 200, async (i) => {
    rawSentAt.set(i, performance.now());
    const message = eventToMessage({ ...sample, data: { i } });
    await producer.send({ topic: rawTopic, acks: -1, messages: [{ ...message, headers: { ...message.headers, 'bench-i': String(i) } }] });
  });
  while (rawLatencies.length < count) await new Promise((r) => setTimeout(r, 50));
  await rawConsumer.disconnect();
  await consumerDb.dropDatabase();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic, rawTopic] }).catch(() => undefined);
  await admin.disconnect();

  const p = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} / p99 ${percentile(values, 99).toFixed(1)} ms`;
  console.log(`  stages: append ${p(stages.append)}; relay ${p(stages.relay)}; Kafka→handler ${p(stages.delivery)}`);
  row(`append→consumer at 200 ev/s (${count} events)`, `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    `raw produce→consume p50 ${percentile(rawLatencies, 50).toFixed(1)} ms, p99 ${percentile(rawLatencies, 99).toFixed(1)} ms`, '');
  row(`append alone at 200 ev/s (the first stage above)`, `p50 ${percentile(stages.append, 50).toFixed(1)} ms, p99 ${percentile(stages.append, 99).toFixed(1)} ms`,
    `raw insert p50 ${percentile(rawInsertLatencies, 50).toFixed(1)} ms, p99 ${percentile(rawInsertLatencies, 99).toFixed(1)} ms`, '');
}

async function main() {
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const dbName = `bench_event_store_${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  console.log(`event-store benchmark — ${new Date().toISOString()} — node ${process.version} — scale ${scale} — db ${dbName}`);
  // Each part in a database of its own (a file of its own on FerretDB/SQLite), as each service has:
  // what one part leaves behind does not weigh on the next.
  const parts: [string, (db: Connection, base: Connection) => Promise<void>][] = [['append', appendBench], ['replay', replayBench], ['latency', latencyBench]];
  const only = process.env.BENCH_ONLY?.split(',');
  try {
    for (const [part, run] of parts) {
      if (only && !only.includes(part)) continue;
      const db = connection.useDb(`${dbName}_${part}`);
      try {
        await run(db, connection);
      } finally {
        await db.dropDatabase();
      }
    }
  } finally {
    await connection.close();
  }
  console.log('\n| measure | platform | baseline | ratio |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
