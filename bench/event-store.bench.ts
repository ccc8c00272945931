import { PostgresReadModels, ReadModelStore, readModelsFromEnvironment } from '@nangsuat/read-models';
/* Event store benchmark: prints figures next to raw-driver / raw-kafkajs baselines measured in the
 * same run on the same servers. Not a test: nothing here asserts on time.
 *   EVENT_STORE_URL=postgres://… npm run bench:event-store     (the PostgreSQL adapter)
 *   npm run bench:event-store                                  (no EVENT_STORE_URL, or mongodb://…: the MongoDB adapter)
 * MONGODB_URI (the MongoDB adapter's server, and the consumer's processed ids in the latency part, as a
 * consuming service keeps them), KAFKA_BROKERS as for the tests; BENCH_SCALE=0.2 for a quick run;
 * BENCH_ONLY=append,replay,latency (any of them). The store is used only through the EventStore port. */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import mongoose, { Connection } from 'mongoose';
import { Pool } from 'pg';
import { CatchUpSubscription, CommitDocument, EventStore, migrate, MongoEventStore, PostgresEventStore, RecordedEvent } from '@nangsuat/event-store';
import { IdempotentConsumer, OutboxRelay, createTopicsWithLeaders, eventToMessage } from '@nangsuat/messaging';

const scale = Number(process.env.BENCH_SCALE ?? 1);
const metadata = { actor: { id: 'u-bench', username: 'bench', unit: '01', roles: ['planner'] }, unit: '01', correlationId: 'bench' };
const payload = { title: 'Nâng cao năng suất chất lượng', target: 120, unit: 'doanh nghiệp', year: 2025 };
const rows: string[][] = [];
const row = (...cells: (string | number)[]) => {
  rows.push(cells.map(String));
  console.log(cells.join('  |  '));
};
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * One adapter under test and its raw baselines: the driver writing the same commit (and event) rows
 * the store writes — one statement per commit, no head read, no checks, no notification — and reading
 * the same table with a plain cursor (MongoDB) or keyset pages (PostgreSQL).
 */
interface Target {
  readonly label: string;
  /** A fresh, ready store for one part of the run. */
  store(part: string, boundedContext?: string): Promise<EventStore>;
  /** A raw sink of commits for one baseline, in storage of its own with the same indexes. */
  rawSink(part: string): Promise<(commit: CommitDocument) => Promise<void>>;
  /** Reads every event of the store's commit log with the driver alone; returns how many. */
  rawScan(store: EventStore): Promise<number>;
  close(): Promise<void>;
}

async function mongoTarget(base: Connection, dbName: string): Promise<Target> {
  const dbs: Connection[] = [];
  const db = (part: string) => {
    const d = base.useDb(`${dbName}_${part}`);
    dbs.push(d);
    return d;
  };
  return {
    label: 'MongoDB adapter (FerretDB)',
    async store(part, boundedContext = 'bench') {
      const store = new MongoEventStore(db(part), { boundedContext, collectionPrefix: 'events' });
      await store.ensureReady();
      return store;
    },
    async rawSink(part) {
      const collection = db(part).collection<any>('raw_commits'); // MongoDB: no notification to add
      return async (commit) => void (await collection.insertOne({ ...commit }));
    },
    async rawScan(store) {
      let n = 0;
      for await (const commit of (store as MongoEventStore).commits.find({}, { sort: { _id: 1 }, batchSize: 2000 })) n += commit.events.length;
      return n;
    },
    async close() {
      for (const d of dbs) await d.dropDatabase().catch(() => undefined);
    },
  };
}

async function postgresTarget(url: string, prefix: string): Promise<Target> {
  const pool = new Pool({ connectionString: url, max: 20 });
  const schemas: string[] = [];
  const stores: EventStore[] = [];
  return {
    label: 'PostgreSQL adapter',
    async store(part, boundedContext = 'bench') {
      const schema = `${prefix}_${part}`;
      schemas.push(schema);
      const store = new PostgresEventStore(pool, { boundedContext, schema });
      await store.ensureReady();
      stores.push(store);
      return store;
    },
    async rawSink(part) {
      const schema = `${prefix}_raw_${part}`;
      schemas.push(schema);
      const client = await pool.connect();
      try {
        await migrate(client, schema); // the same tables and indexes as the store's
      } finally {
        client.release();
      }
      const s = `"${schema}"`;
      // The store's own statement: commit row and event rows in one statement (the store's NOTIFY is a
      // separate, coalesced statement, sent at most every few milliseconds: not in the baseline).
      const events = `INSERT INTO ${s}.events (global_position, commit_position, stream_id, stream_version, event_id, type, schema_version, data, occurred_at, prev_hash, hash)
         SELECT p, $1, $3, v, id, t, sv, d::json, o, ph, h
         FROM unnest($9::bigint[], $10::int[], $11::uuid[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[]) AS x(p, v, id, t, sv, d, o, ph, h)`;
      const sql = `WITH c AS (
           INSERT INTO ${s}.commits (first_position, last_position, stream_id, first_version, last_version, command_id, recorded_at, metadata)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         )${events}`;
      return async (c) => {
        const e = c.events;
        await pool.query(sql, [
          c._id, c.lastPosition, c.streamId, c.firstVersion, c.lastVersion, null, c.recordedAt, JSON.stringify(c.metadata),
          e.map((x) => x.globalPosition), e.map((x) => x.streamVersion), e.map((x) => x.id), e.map((x) => x.type), e.map((x) => x.schemaVersion),
          e.map((x) => JSON.stringify(x.data)), e.map((x) => x.occurredAt), e.map((x) => x.prevHash), e.map((x) => x.hash),
        ]);
      };
    },
    async rawScan(store) {
      // Keyset pages over the same tables, the same columns, joined to their commit (recorded_at, metadata).
      const s = `"${(store as PostgresEventStore).schema}"`;
      let n = 0;
      for (let after = 0; ; ) {
        const { rows: page } = await pool.query<{ global_position: string }>(
          `SELECT e.global_position, e.commit_position, e.stream_id, e.stream_version, e.event_id, e.type, e.schema_version, e.data, e.occurred_at, e.prev_hash, e.hash, c.recorded_at, c.metadata
           FROM ${s}.events e JOIN ${s}.commits c ON c.first_position = e.commit_position
           WHERE e.global_position > $1 ORDER BY e.global_position LIMIT 2000`,
          [after],
        );
        n += page.length;
        if (page.length < 2000) return n;
        after = Number(page[page.length - 1].global_position);
      }
    },
    async close() {
      for (const store of stores) await store.close().catch(() => undefined);
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
      await pool.end();
    },
  };
}

const cpuMicros = (u: NodeJS.CpuUsage) => u.user + u.system;

/** A copy of a stored commit at new positions and versions (a raw baseline's rows). */
function recommit(sample: CommitDocument, streamId: string, firstPosition: number, firstVersion: number): CommitDocument {
  return {
    ...sample,
    _id: firstPosition,
    lastPosition: firstPosition + sample.events.length - 1,
    streamId,
    firstVersion,
    lastVersion: firstVersion + sample.events.length - 1,
    commandId: `none:${firstPosition}`,
    events: sample.events.map((e, i) => ({ ...e, id: randomUUID(), globalPosition: firstPosition + i, streamVersion: firstVersion + i })),
  };
}

async function appendBench(target: Target) {
  for (const perAppend of [1, 10]) {
    for (const writers of [1, 16]) {
      const appends = Math.round((perAppend === 1 ? 2000 : 400) * scale);
      const warmUp = Math.max(writers, Math.round(appends / 10));
      const store = await target.store(`append_${perAppend}_${writers}`);
      const events = Array.from({ length: perAppend }, (_, i) => ({ type: 'TargetSet', data: { ...payload, i } }));
      // The streams' first commits and the pool's connections, not measured.
      const versions = await Promise.all(
        Array.from({ length: writers }, async (_, w) => (await store.append(`plan-${w}`, events, { expectedVersion: 'no-stream', metadata })).nextExpectedVersion),
      );
      /** `count` appends shared by the writers; events/s and this process's CPU per event (user + system). */
      const pass = async (count: number, appendOne: (w: number) => Promise<void>) => {
        const cpu = process.cpuUsage();
        const t = performance.now();
        await Promise.all(Array.from({ length: writers }, async (_, w) => {
          for (let k = 0; k < count / writers; k++) await appendOne(w);
        }));
        return { rate: (count * perAppend) / ((performance.now() - t) / 1000), cpu: cpuMicros(process.cpuUsage(cpu)) / (count * perAppend) };
      };
      const storeAppend = async (w: number) => {
        versions[w] = (await store.append(`plan-${w}`, events, { expectedVersion: versions[w], metadata })).nextExpectedVersion;
      };

      // Raw baseline: the driver inserting the same commit rows (same shape, no checks), one statement per commit.
      const sample = (await store.readCommits(0, 1))[0];
      const insert = await target.rawSink(`${perAppend}_${writers}`);
      let next = 1;
      const take = () => ((next += perAppend), next - perAppend);
      const rawVersions = Array.from({ length: writers }, () => 1);
      const rawAppend = async (w: number) => {
        await insert(recommit(sample, `plan-${w}`, take(), rawVersions[w]));
        rawVersions[w] += perAppend;
      };
      // Both paths warmed up alike (this process's JIT, the driver's code, the server's caches), then
      // raw, store, raw: the baseline is the mean of the passes either side of the store's, so that
      // neither gains from going second on a machine whose load drifts.
      await pass(warmUp, storeAppend);
      await pass(warmUp, rawAppend);
      const raw1 = await pass(appends, rawAppend);
      const measured = await pass(appends, storeAppend);
      const raw2 = await pass(appends, rawAppend);
      const rawRate = (raw1.rate + raw2.rate) / 2;
      const rawCpu = (raw1.cpu + raw2.cpu) / 2;
      // This process's own CPU per event: the store's share is building the envelope, the JSON and the
      // hash; on a machine whose two cores are shared it is what the store can lose.
      console.log(`  this process's CPU per event: store ${measured.cpu.toFixed(0)} µs, raw insert ${rawCpu.toFixed(0)} µs`);
      row(`append ${perAppend}-event commits, ${writers} writer(s)`, `${fmt(measured.rate)} ev/s`, `raw insert ${fmt(rawRate)} ev/s (${fmt(raw1.rate)} before, ${fmt(raw2.rate)} after)`, `${((100 * measured.rate) / rawRate).toFixed(0)} %`);
    }
  }
}

async function replayBench(target: Target) {
  const total = Math.round(100_000 * scale);
  const store = await target.store('replay');
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
  const n = (await store.countCommits()) * 10;
  // Raw first, store after, then raw again: each figure has a baseline measured right beside it.
  const rawPass = async () => {
    const t = performance.now();
    const read = await target.rawScan(store);
    return read / ((performance.now() - t) / 1000);
  };
  const raw1 = await rawPass();

  let seen = 0;
  const sub = new CatchUpSubscription(store, { name: 'bench', handler: () => void seen++, batchSize: 2000 });
  const t0 = performance.now();
  for (let r = await sub.poll(); r.handled > 0; r = await sub.poll());
  const subRate = seen / ((performance.now() - t0) / 1000);

  const t1 = performance.now();
  const all = await store.readAll();
  const readAllRate = all.length / ((performance.now() - t1) / 1000);

  const t2 = performance.now();
  let paged = 0;
  for (let after = 0; ; ) {
    const page = await store.readAll({ afterPosition: after, limit: 2000 });
    paged += page.length;
    if (page.length < 2000) break;
    after = page[page.length - 1].globalPosition;
  }
  const pagedRate = paged / ((performance.now() - t2) / 1000);
  const raw2 = await rawPass();
  const rawRate = (raw1 + raw2) / 2;
  const rawCell = `raw ${target.label.startsWith('Postgre') ? 'keyset pages' : 'cursor'} ${fmt(rawRate)} ev/s (${fmt(raw1)} before, ${fmt(raw2)} after)`;
  row(`replay ${fmt(n)} events (catch-up subscription)`, `${fmt(subRate)} ev/s`, rawCell, `${((100 * subRate) / rawRate).toFixed(0)} %`);
  row(`replay ${fmt(n)} events (readAll, one call)`, `${fmt(readAllRate)} ev/s`, rawCell, `${((100 * readAllRate) / rawRate).toFixed(0)} %`);
  row(`replay ${fmt(n)} events (readAll, pages of 2,000)`, `${fmt(pagedRate)} ev/s`, rawCell, `${((100 * pagedRate) / rawRate).toFixed(0)} %`);
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

/**
 * BENCH_TRACE=1: where a consumer's time goes, from kafkajs's own instrumentation — its requests to
 * the broker by kind (Fetch, OffsetCommit, Heartbeat), the batches it handles — and this process's
 * event-loop delay while it ran. Returns a function printing the summary.
 */
function traceConsumer(consumer: Consumer, label: string): () => void {
  if (!process.env.BENCH_TRACE) return () => undefined;
  const requests = new Map<string, number[]>();
  const batches: number[] = [];
  const batchTimes: number[] = [];
  consumer.on(consumer.events.REQUEST, ({ payload }) => {
    const list = requests.get(payload.apiName) ?? [];
    list.push(payload.duration);
    requests.set(payload.apiName, list);
  });
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    batches.push(payload.batchSize);
    batchTimes.push(payload.duration);
  });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  return () => {
    loop.disable();
    const parts = [...requests].map(([api, d]) => `${api} ×${d.length} p50 ${percentile(d, 50)} / p99 ${percentile(d, 99)} ms`);
    console.log(`  trace ${label}: ${parts.join('; ')}`);
    console.log(`  trace ${label}: ${batches.length} batches, size p50 ${percentile(batches, 50)} / max ${Math.max(...batches)}, handled in p50 ${percentile(batchTimes, 50)} / p99 ${percentile(batchTimes, 99)} ms; event-loop delay p50 ${(loop.percentile(50) / 1e6).toFixed(1)} / p99 ${(loop.percentile(99) / 1e6).toFixed(1)} / max ${(loop.max / 1e6).toFixed(1)} ms`);
  };
}

async function latencyBench(target: Target, consumerDocuments: ReadModelStore) {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING });
  const suffix = randomBytes(3).toString('hex');
  const topic = `nangsuat.bench${suffix}.events`;
  const rawTopic = `bench-raw-${suffix}`;
  const admin = kafka.admin();
  await admin.connect();
  await createTopicsWithLeaders(admin, [topic, rawTopic], { numPartitions: 3, replicationFactor: 1 });
  const producer = kafka.producer({ maxInFlightRequests: 1 });
  await producer.connect();
  const count = Math.round(2000 * scale);

  // Through the platform: append → relay → Kafka → idempotent consumer.
  const store = await target.store('latency', `bench${suffix}`);
  // BENCH_TRACE: when Kafka acknowledged each message the relay sent (the send wrapped, nothing else changed).
  const ackedAt = new Map<number, number>();
  const relayProducer = process.env.BENCH_TRACE
    ? (Object.assign(Object.create(producer), {
        send: async (record: Parameters<typeof producer.send>[0]) => {
          const result = await producer.send(record);
          const now = performance.now();
          for (const m of record.messages) ackedAt.set((JSON.parse(String(m.value)) as { data: { i: number } }).data.i, now);
          return result;
        },
      }) as typeof producer)
    : producer;
  const relay = new OutboxRelay(store, relayProducer, { logger: console });
  relay.start();
  const sentAt = new Map<number, number>();
  const appendedAt = new Map<number, number>();
  const latencies: number[] = [];
  // Where the time goes: append (call → committed), relay (committed → handed to Kafka, by the
  // message's producer timestamp), delivery (Kafka → the handler, after the processed-id check).
  // Delivery is split in two: Kafka → the consumer's eachMessage (fetching), and eachMessage → the
  // handler (the IdempotentConsumer's own work: parsing, the processed-id check).
  const stages = { append: [] as number[], relay: [] as number[], delivery: [] as number[], fetch: [] as number[], check: [] as number[] };
  let warmedUp = 0;
  const consumer = kafka.consumer({ groupId: `bench-${suffix}` });
  let traced = () => undefined as void;
  const tails: { i: number; total: number; produce: number; toEachMessage: number; check: number; at: number }[] = [];
  // The consumer records processed ids where a consuming service keeps its read models (PostgreSQL
  // beside a PostgreSQL store, else its MongoDB database).
  const wrapper = new IdempotentConsumer({ consumer: 'bench', documents: consumerDocuments, producer });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async (message) => {
      const receivedAt = performance.now();
      await wrapper.handle(message, (event: RecordedEvent) => {
        const { i } = event.data as { i: number };
        if (i < 0) return void warmedUp++;
        const now = performance.now();
        latencies.push(now - sentAt.get(i)!);
        const producedAt = Number(message.message.timestamp) - epochOffset;
        stages.append.push(appendedAt.get(i)! - sentAt.get(i)!);
        stages.relay.push(producedAt - appendedAt.get(i)!);
        stages.delivery.push(now - producedAt);
        stages.fetch.push(receivedAt - producedAt);
        stages.check.push(now - receivedAt);
        if (process.env.BENCH_TRACE) tails.push({ i, total: now - sentAt.get(i)!, produce: (ackedAt.get(i) ?? NaN) - producedAt, toEachMessage: receivedAt - (ackedAt.get(i) ?? NaN), check: now - receivedAt, at: now });
      });
    },
  });
  await new Promise((r) => setTimeout(r, 3000)); // group join
  // Warm-up (not measured): the streams are created first, one event each through the whole
  // path, so one-off costs — the consumer creating its indexes, first metadata fetches, a
  // process's first read of a stream's head — stay out of the steady-state figures. 200 streams:
  // each gets an append a second, as a busy record might.
  const streams = 200;
  for (let s = 0; s < streams; s++) await store.append(`plan-${s}`, [{ type: 'TargetSet', data: { i: -1 } }], { expectedVersion: 'no-stream', metadata });
  while (warmedUp < streams) await new Promise((r) => setTimeout(r, 50));
  let conflicts = 0;
  traced = traceConsumer(consumer, 'platform');
  await steady(count, 200, async (i) => {
    sentAt.set(i, performance.now());
    // On a loaded machine two appends to one stream can overlap; one that loses every retry is
    // counted and made again (its latency includes the wait), not dropped.
    for (;;) {
      try {
        await store.append(`plan-${i % streams}`, [{ type: 'TargetSet', data: { i } }], { expectedVersion: 'any', metadata });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'version-conflict') throw error;
        conflicts++;
      }
    }
    appendedAt.set(i, performance.now());
  });
  if (conflicts) console.log(`  ${conflicts} append(s) ran out of version-conflict retries and were made again`);
  while (latencies.length < count) await new Promise((r) => setTimeout(r, 50));
  traced();
  if (tails.length) {
    const t0 = Math.min(...tails.map((t) => t.at));
    const slowest = [...tails].sort((a, b) => b.total - a.total).slice(0, Math.ceil(tails.length / 100));
    console.log(`  trace: the slowest 1 %: ${slowest.map((t) => `#${t.i}@${((t.at - t0) / 1000).toFixed(2)}s total ${t.total.toFixed(1)} produce ${t.produce.toFixed(1)} ack→eachMessage ${t.toEachMessage.toFixed(1)} check ${t.check.toFixed(1)}`).join('; ')}`);
  }
  await relay.stop();
  await consumer.disconnect();

  // Raw store floor: the driver inserting the same commit rows at the same steady rate.
  const commitSample = (await store.readCommits(0, 1))[0];
  const insert = await target.rawSink('latency');
  const rawInsertLatencies: number[] = [];
  await steady(count, 200, async (i) => {
    const t0 = performance.now();
    await insert(recommit(commitSample, `plan-${i}`, i + 1, 1));
    rawInsertLatencies.push(performance.now() - t0);
  });

  // Raw: kafkajs producing and consuming the same messages.
  const sample = (await store.readStream('plan-0'))[0];
  const rawSentAt = new Map<number, number>();
  const rawLatencies: number[] = [];
  const rawDelivery: number[] = []; // Kafka → eachMessage, by the producer timestamp, as above
  let rawWarmedUp = false; // the same warm-up as above
  const rawConsumer = kafka.consumer({ groupId: `bench-raw-${suffix}` });
  await rawConsumer.connect();
  await rawConsumer.subscribe({ topic: rawTopic, fromBeginning: true });
  await rawConsumer.run({
    eachMessage: async ({ message }) => {
      const i = Number(message.headers?.['bench-i']?.toString());
      const now = performance.now();
      if (i >= 0) {
        rawLatencies.push(now - rawSentAt.get(i)!);
        rawDelivery.push(now - (Number(message.timestamp) - epochOffset));
      }
      else rawWarmedUp = true;
    },
  });
  await new Promise((r) => setTimeout(r, 3000));
  await producer.send({ topic: rawTopic, acks: -1, messages: [{ key: 'warm-up', value: '{}', headers: { 'bench-i': '-1' } }] });
  while (!rawWarmedUp) await new Promise((r) => setTimeout(r, 50));
  const rawTraced = traceConsumer(rawConsumer, 'raw');
  await steady(count, 200, async (i) => {
    rawSentAt.set(i, performance.now());
    // The same keys as the platform's messages (a stream each, 200 streams), so that the raw messages
    // spread over the topic's partitions as the relay's do (all under one key, they took one partition).
    const message = eventToMessage({ ...sample, streamId: `plan-${i % streams}`, data: { i } });
    await producer.send({ topic: rawTopic, acks: -1, messages: [{ ...message, headers: { ...message.headers, 'bench-i': String(i) } }] });
  });
  while (rawLatencies.length < count) await new Promise((r) => setTimeout(r, 50));
  rawTraced();
  await rawConsumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic, rawTopic] }).catch(() => undefined);
  await admin.disconnect();

  const p = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} / p99 ${percentile(values, 99).toFixed(1)} ms`;
  console.log(`  stages: append ${p(stages.append)}; relay ${p(stages.relay)}; Kafka→handler ${p(stages.delivery)}`);
  console.log(`  Kafka→handler split: Kafka→eachMessage ${p(stages.fetch)}; eachMessage→handler (processed-id check) ${p(stages.check)}; raw Kafka→eachMessage ${p(rawDelivery)}`);
  row(`append→consumer at 200 ev/s (${fmt(count)} events)`, `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    `raw produce→consume p50 ${percentile(rawLatencies, 50).toFixed(1)} ms, p99 ${percentile(rawLatencies, 99).toFixed(1)} ms`, '');
  row(`append alone at 200 ev/s (the first stage above)`, `p50 ${percentile(stages.append, 50).toFixed(1)} ms, p99 ${percentile(stages.append, 99).toFixed(1)} ms`,
    `raw insert p50 ${percentile(rawInsertLatencies, 50).toFixed(1)} ms, p99 ${percentile(rawInsertLatencies, 99).toFixed(1)} ms`, '');
}

async function main() {
  const url = process.env.EVENT_STORE_URL;
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const runId = `bench_event_store_${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(uri, { dbName: runId }).asPromise();
  const target = url && /^postgres(ql)?:\/\//.test(url) ? await postgresTarget(url, runId) : await mongoTarget(connection, runId);
  console.log(`event-store benchmark — ${target.label} — ${new Date().toISOString()} — node ${process.version} — scale ${scale} — run ${runId}`);
  const consumerDb = connection.useDb(`${runId}_consumer`);
  const consumerDocuments = readModelsFromEnvironment(consumerDb, { ...process.env, MONGODB_DB: `${runId}_consumer` });
  // Each part in storage of its own (a database or schema), as each service has: what one part
  // leaves behind does not weigh on the next.
  const parts: [string, () => Promise<void>][] = [
    ['append', () => appendBench(target)],
    ['replay', () => replayBench(target)],
    ['latency', () => latencyBench(target, consumerDocuments)],
  ];
  const only = process.env.BENCH_ONLY?.split(',');
  try {
    for (const [part, run] of parts) {
      if (only && !only.includes(part)) continue;
      // The machine's load beside each part: a figure measured on a busy machine says so.
      console.log(`[${part}] load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      await run();
    }
  } finally {
    await target.close();
    await consumerDb.dropDatabase().catch(() => undefined);
    await consumerDocuments.close().catch(() => undefined);
    if (consumerDocuments instanceof PostgresReadModels) await PostgresEventStore.dropSchema(process.env.EVENT_STORE_URL!, consumerDocuments.schema).catch(() => undefined);
    await connection.close();
  }
  console.log(`\n${target.label}\n\n| measure | platform | baseline | ratio |\n|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
