import { MongoReadModels, PostgresReadModels } from '@nangsuat/read-models';
/* The scaling curve: one command and the most-read queries of the training service, through HTTP
 * (real Keycloak token, the whole service started in-process as libs/service-runtime's test app
 * does), with 1,000 … 1,000,000 events already in that service's store. Not a test: nothing asserts
 * on time. Each size prints p50/p99 beside baselines measured in the same run: the same request at
 * the smallest size (the ratio), and the service's cheapest HTTP round trip (GET /health) measured
 * interleaved with it (the floor of HTTP on this machine at that moment).
 *
 *   EVENT_STORE_URL=postgres://… MONGODB_URI=… KAFKA_BROKERS=… OIDC_ISSUER=… npm run bench:scaling
 *   EVENT_STORE_URL=mongodb://… (or unset): the MongoDB adapter on FerretDB (default sizes 1,000 and 10,000)
 *   BENCH_SIZES=1000,10000,100000,1000000   BENCH_SCALE=0.25 (fewer requests per size)
 *   BENCH_CLIENTS=16 (the throughput part)   BENCH_KEEP=1 (keep the schema/database afterwards)
 *   BENCH_FIGURE_SECONDS=30 (a figure stops after this, after one request at least)   BENCH_LISTS=0 (no list figures) */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import mongoose from 'mongoose';
import { Pool } from 'pg';
import { tokenFor } from '@nangsuat/auth/testing';
import { EventStore, MongoEventStore, PostgresEventStore } from '@nangsuat/event-store';
import { createServiceApp } from '@nangsuat/service-runtime';
import { AppModule } from '../apps/training/src/app.module';
import { HistorySink, mongoSink, postgresSink, writeHistory } from './scaling/synthetic-history';
import { Http, measure as measureFigure, ms, percentile } from './scaling/measure';

const measure = (http: Http, count: number, request: Parameters<typeof measureFigure>[2], expected: number) => measureFigure(http, count, request, expected, budgetSeconds);

const scale = Number(process.env.BENCH_SCALE ?? 1);
const url = process.env.EVENT_STORE_URL ?? '';
const onPostgres = /^postgres(ql)?:\/\//.test(url);
const sizes = (process.env.BENCH_SIZES ?? (onPostgres ? '1000,10000,100000,1000000' : '1000,10000')).split(',').map(Number);
const requests = Math.max(20, Math.round(300 * scale));
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
/** A figure stops early after this many seconds (at least one request): a read that takes seconds would not finish otherwise. */
const budgetSeconds = Number(process.env.BENCH_FIGURE_SECONDS ?? 30);
/** BENCH_LISTS=0 leaves out the two list figures (minutes each on FerretDB at 1,000,000 events): a quick repeat of the rest. */
const withLists = process.env.BENCH_LISTS !== '0';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Curve {
  size: number;
  figures: Map<string, { n: number; p50: number; p99: number; floor50: number; floor99: number }>;
  throughput?: { perSecond: number; p50: number; p99: number; failed: number };
}

/** The training service, in this process, on the benchmark's store (the same schema/database every start). */
async function startTraining(dbName: string) {
  process.env.MONGODB_DB = dbName;
  process.env.KAFKA_CONSUMER_GROUP = `${dbName}-training`;
  process.env.PORT ??= '3999';
  process.env.OTEL_SDK_DISABLED ??= 'true';
  Logger.overrideLogger(['error']);
  const app = await createServiceApp({ service: 'training', title: 'training', description: 'scaling benchmark', rootModule: AppModule });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

/**
 * BENCH_COUNT_QUERIES=1: every SQL statement this process sends is tallied while ten registrations
 * run one after another (after the warm-up), and printed per registration — the request's own
 * statements, and whatever the outbox relay and the Kafka consumer send meanwhile (their reads are
 * not the request's: they answer after the 201).
 */
const statements = new Map<string, number>();
let countingStatements = false;
if (process.env.BENCH_COUNT_QUERIES) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as typeof import('pg');
  const query = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: unknown, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (countingStatements && text) {
      const shape = text.replace(/\s+/g, ' ').replace(/"[^"]*"\./g, '').slice(0, 110);
      statements.set(shape, (statements.get(shape) ?? 0) + 1);
    }
    return query.apply(this, args);
  };
}

const person = (tag: string) => ({ personId: `b-${tag}`, fullName: `Trần Văn Bình ${tag}`, organisationType: 'cooperative', organisationName: 'HTX Nông nghiệp Ngọk Bay' });

async function scheduleCourse(http: Http, courseId: string): Promise<void> {
  const r = await http.call('POST', '/courses', {
    courseId, unitCode: '51-NGOKBAY', topic: 'Tập huấn áp dụng công cụ 5S, Kaizen cho hợp tác xã', startDate: '04/08/2027', endDate: '05/08/2027', capacity: 5000, trainerId: 'ngokbay.trainer',
  }, { 'idempotency-key': randomUUID() });
  if (r.status !== 201) throw new Error(`scheduling ${courseId}: ${r.status} ${JSON.stringify(r.json)}`);
}

async function main() {
  const runId = `bench_scaling_${randomBytes(3).toString('hex')}`;
  const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const base = await mongoose.createConnection(mongoUri).asPromise();
  const database = base.useDb(runId);
  // Read models where the service puts them: beside a PostgreSQL event store, else in MongoDB.
  const readModels = onPostgres ? PostgresReadModels.connect(url!, runId) : new MongoReadModels(database);
  let pool: Pool | undefined;
  let store: EventStore;
  let sink: HistorySink;
  if (onPostgres) {
    pool = new Pool({ connectionString: url, max: 4 });
    const pg = new PostgresEventStore(pool, { boundedContext: 'training', schema: runId });
    store = pg;
    sink = postgresSink(pool, runId);
  } else {
    const mongo = new MongoEventStore(database, { boundedContext: 'training' });
    store = mongo;
    sink = mongoSink(mongo);
  }
  await store.ensureReady();
  const label = onPostgres ? 'PostgreSQL event store' : 'MongoDB adapter on FerretDB';
  console.log(`scaling benchmark — training service — ${label} — ${new Date().toISOString()} — node ${process.version} — ${requests} requests per figure — run ${runId}`);
  const token = await tokenFor('ngokbay.officer');
  const readerToken = await tokenFor('auditor.vn'); // reads everything, in every unit
  const curves: Curve[] = [];
  let nextCourse = 0;
  let stored = 0;
  let samples: string[] = [];
  try {
    for (const size of sizes) {
      // The history, straight into the store (and the course read model), before the service starts.
      const t0 = performance.now();
      const added = await writeHistory(sink, readModels, nextCourse, size - stored, (n) => process.stdout.write(`\r  preloading ${fmt(stored + n)} events`));
      nextCourse = added.nextCourse;
      samples = [...samples, ...added.sampleStreams];
      stored = size;
      // What the relay would have published long ago: it starts after the history, not at its beginning.
      await store.checkpoints.save('relay:nangsuat.training.events', added.lastPosition);
      const check = await store.verifyStream(samples[samples.length - 1]);
      console.log(`\r  ${fmt(size)} events in the store (${fmt(nextCourse)} preloaded courses) — preloaded in ${((performance.now() - t0) / 1000).toFixed(0)} s — hash chain of ${samples[samples.length - 1]}: ${check.ok ? `valid (${check.events} events)` : 'BROKEN'}`);
      // The state autovacuum keeps a live database in (statistics, visibility map), which a bulk load skips.
      if (onPostgres) await pool!.query(`ANALYZE "${runId}".commits; ANALYZE "${runId}".events; VACUUM ANALYZE "${runId}".rm_courses_view`).catch(() => undefined);

      const service = await startTraining(runId);
      const http = new Http(service.url, token);
      const reader = new Http(service.url, readerToken);
      const curve: Curve = { size, figures: new Map() };
      try {
        const tag = `s${size}`;
        const courses = Array.from({ length: 10 }, (_, i) => `bench-${tag}-${i}`);
        for (const id of courses) await scheduleCourse(http, id);
        // Warm-up, not measured: connections, first reads of each course, JIT.
        for (let i = 0; i < 30; i++) await http.call('POST', `/courses/${courses[i % 10]}/registrations`, person(`${tag}-w${i}`), { 'idempotency-key': randomUUID() });
        for (let i = 0; i < 10; i++) await http.call('GET', '/health');
        if (process.env.BENCH_COUNT_QUERIES) {
          statements.clear();
          countingStatements = true;
          for (let i = 0; i < 10; i++) await http.call('POST', `/courses/${courses[i % 10]}/registrations`, person(`${tag}-q${i}`), { 'idempotency-key': randomUUID() });
          countingStatements = false;
          console.log(`  SQL statements per registration (10 in a row; the relay's and consumer's included):`);
          for (const [shape, n] of [...statements].sort((a, b) => b[1] - a[1])) console.log(`    ${(n / 10).toFixed(1)}  ${shape}`);
        }

        curve.figures.set('register a trainee (POST → 201)', await measure(http, requests, (i) =>
          http.call('POST', `/courses/${courses[i % 10]}/registrations`, person(`${tag}-${i}`), { 'idempotency-key': randomUUID() }), 201));
        curve.figures.set('a course with its trainees and progress (GET /courses/:id)', await measure(http, Math.ceil(requests / 2), (i) =>
          reader.call('GET', `/courses/${samples[(i * 7919) % samples.length].slice('course-'.length)}`), 200));
        if (withLists) curve.figures.set('course list, filtered and paged (GET /courses?unit=51&status=scheduled&page=…)', await measure(http, Math.ceil(requests / 2), (i) =>
          reader.call('GET', `/courses?unit=51&status=scheduled&page=${1 + (i % 5)}&pageSize=20`), 200));
        if (withLists) curve.figures.set('course list, search (GET /courses?q=kaizen&…)', await measure(http, Math.ceil(requests / 4), (i) =>
          reader.call('GET', `/courses?q=kaizen%20hop%20tac&page=${1 + (i % 3)}&pageSize=20`), 200));

        // Throughput: `clients` concurrent clients, each registering people on a course of its own.
        const own = Array.from({ length: clients }, (_, c) => `bench-${tag}-c${c}`);
        for (const id of own) await scheduleCourse(http, id);
        const perClient = Math.max(5, Math.round(requests / 8));
        const latencies: number[] = [];
        let failed = 0;
        const t1 = performance.now();
        const until = t1 + budgetSeconds * 1000;
        await Promise.all(own.map(async (courseId, c) => {
          for (let k = 0; k < perClient && (k < 2 || performance.now() < until); k++) {
            const r = await http.call('POST', `/courses/${courseId}/registrations`, person(`${tag}-c${c}-${k}`), { 'idempotency-key': randomUUID() });
            if (r.status === 201) latencies.push(r.ms);
            else failed++;
          }
        }));
        const seconds = (performance.now() - t1) / 1000;
        curve.throughput = { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), failed };
      } finally {
        await service.app.close();
      }
      curves.push(curve);
      for (const [name, f] of curve.figures) console.log(`  ${name}: ${f.n} requests, p50 ${ms(f.p50)} ms, p99 ${ms(f.p99)} ms  (GET /health beside it: p50 ${ms(f.floor50)}, p99 ${ms(f.floor99)} ms)`);
      const t = curve.throughput!;
      console.log(`  ${clients} concurrent clients registering: ${fmt(t.perSecond)} commands/s, p50 ${ms(t.p50)} ms, p99 ${ms(t.p99)} ms, ${t.failed} not 201`);
    }
  } finally {
    if (!process.env.BENCH_KEEP) {
      await database.dropDatabase().catch(() => undefined);
      await readModels.close().catch(() => undefined);
      if (pool) await pool.query(`DROP SCHEMA IF EXISTS "${runId}" CASCADE`).catch(() => undefined);
    }
    await store.close();
    await pool?.end();
    await base.close();
  }

  console.log(`\n${label} — p50 / p99 in ms; in brackets GET /health measured beside it; ratio = p50 at this size ÷ p50 at ${fmt(sizes[0])}\n`);
  const names = [...curves[0].figures.keys()];
  console.log(`| events in the store | ${names.join(' | ')} | ${clients} clients: commands/s (p50 / p99) |`);
  console.log(`|---|${names.map(() => '---|').join('')}---|`);
  for (const c of curves) {
    const cells = names.map((n) => {
      const f = c.figures.get(n)!;
      const ratio = f.p50 / curves[0].figures.get(n)!.p50;
      return `${ms(f.p50)} / ${ms(f.p99)} (${ms(f.floor50)} / ${ms(f.floor99)}) ×${ratio.toFixed(2)}${f.n < requests / 4 ? ` [${f.n} req.]` : ''}`;
    });
    const t = c.throughput!;
    console.log(`| ${fmt(c.size)} | ${cells.join(' | ')} | ${fmt(t.perSecond)} (${ms(t.p50)} / ${ms(t.p99)}) |`);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
