/* The auditor's stream timeline as the ledger grows: the query the audit service's TimelineHandler
 * runs (count of a stream's entries + its first page sorted by stream version) on the `ledger`
 * collection with the LedgerRepository's indexes — where the audit service keeps it beside a
 * PostgreSQL store (libs/read-models, decision 0008) and, for the record, on FerretDB — beside the
 * baseline: the same entries in a hand-made PostgreSQL table (stream id, version, the entry as jsonb;
 * unique index on stream and version) queried with raw SQL, in the same run. Driver-level: no HTTP,
 * no auth. Not a test: nothing asserts on time.
 *   MONGODB_URI=… EVENT_STORE_URL=postgres://… npm run bench:audit-ledger
 *   BENCH_SIZES=1000,10000 (ledger entries, FerretDB too); BENCH_PG_SIZES adds sizes on PostgreSQL only (default 100000,1000000) */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { Pool } from 'pg';
import { toRecordedEvents } from '@nangsuat/event-store';
import { PostgresReadModels } from '@nangsuat/read-models';
import { LEDGER_INDEXES } from '../apps/audit/src/audit/ledger/ledger.repository';
import { courseCommits, EVENTS_PER_COURSE } from './scaling/synthetic-history';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const pgOnly = (process.env.BENCH_PG_SIZES ?? '100000,1000000').split(',').filter(Boolean).map(Number);
const queries = Number(process.env.BENCH_QUERIES ?? 60);
const budgetMs = Number(process.env.BENCH_FIGURE_SECONDS ?? 30) * 1000;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Ledger documents as the audit service stores them, for whole course streams. */
function ledgerDocuments(firstCourse: number, entries: number, firstPosition: number) {
  const docs: { _id: string; context: string; day: string; receivedAt: Date; source: string; event: ReturnType<typeof toRecordedEvents>[number] }[] = [];
  for (let course = firstCourse, position = firstPosition; docs.length < entries; course++) {
    const count = Math.min(EVENTS_PER_COURSE, entries - docs.length);
    for (const commit of courseCommits(course, count, position)) {
      for (const event of toRecordedEvents(commit)) docs.push({ _id: event.id, context: 'training', day: event.recordedAt.slice(0, 10), receivedAt: new Date(), source: 'live', event });
    }
    position += count;
  }
  return docs;
}

async function timed(run: () => Promise<number>): Promise<{ n: number; p50: number; p99: number }> {
  const took: number[] = [];
  const until = performance.now() + budgetMs;
  for (let i = 0; i < queries && (i < 1 || performance.now() < until); i++) {
    const t = performance.now();
    const total = await run();
    if (total === 0) throw new Error('the timeline query found nothing');
    took.push(performance.now() - t);
  }
  return { n: took.length, p50: percentile(took, 50), p99: percentile(took, 99) };
}

async function main() {
  const runId = `bench_audit_ledger_${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { dbName: runId }).asPromise();
  const pool = new Pool({ connectionString: process.env.EVENT_STORE_URL ?? 'postgres://nangsuat@127.0.0.1:5432/nangsuat', max: 4 });
  const ledger = connection.collection<any>('ledger');
  const readModels = PostgresReadModels.connect(process.env.EVENT_STORE_URL ?? 'postgres://nangsuat@127.0.0.1:5432/nangsuat', `${runId}_audit`);
  const auditLedger = readModels.collection<any>('ledger', { dates: ['receivedAt'] });
  for (const index of LEDGER_INDEXES) {
    await ledger.createIndex(index.keys, index.options);
    await auditLedger.createIndex(index.keys, index.options);
  }
  await pool.query(`CREATE SCHEMA "${runId}"; CREATE TABLE "${runId}".ledger (id text PRIMARY KEY, stream_id text NOT NULL, stream_version int NOT NULL, entry jsonb NOT NULL, UNIQUE (stream_id, stream_version))`);
  console.log(`audit ledger timeline benchmark — ${new Date().toISOString()} — node ${process.version} — ${queries} queries per figure — run ${runId}`);
  type Figure = { n: number; p50: number; p99: number };
  const results: { size: number; ferret?: Figure; audit: Figure; pg: Figure }[] = [];
  let stored = 0;
  let course = 0;
  const streams: string[] = [];
  try {
    for (const size of [...sizes, ...pgOnly.filter((s) => s > Math.max(...sizes))]) {
      const onFerret = sizes.includes(size);
      const t0 = performance.now();
      for (let done = stored; done < size; ) {
        const batch = Math.min(5000, size - done);
        const docs = ledgerDocuments(course, batch, done + 1);
        course += Math.ceil(batch / EVENTS_PER_COURSE);
        for (const d of docs) if (d.event.streamVersion === 1 && (streams.length < 50 || streams.length % 7 === 0 || Math.random() < 0.02)) streams.push(d.event.streamId);
        if (onFerret) await ledger.insertMany(docs, { ordered: false });
        await auditLedger.insertMany(docs);
        await pool.query(
          `INSERT INTO "${runId}".ledger (id, stream_id, stream_version, entry) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::jsonb[])`,
          [docs.map((d) => d._id), docs.map((d) => d.event.streamId), docs.map((d) => d.event.streamVersion), docs.map((d) => JSON.stringify(d))],
        );
        done += batch;
        process.stdout.write(`\r  ${fmt(done)} ledger entries`);
      }
      stored = size;
      await pool.query(`ANALYZE "${runId}".ledger; ANALYZE "${runId}_audit".rm_ledger`);
      console.log(`\r  ${fmt(size)} ledger entries (${onFerret ? 'FerretDB and PostgreSQL' : 'PostgreSQL only'}), written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      const pick = (i: number) => streams[(i * 7919) % streams.length];
      let i = 0;
      // TimelineHandler.run(streamId, 0, 20): count + first page, in parallel as it does.
      const ferret = onFerret
        ? await timed(async () => {
            const filter = { 'event.streamId': pick(i++) };
            const [total] = await Promise.all([ledger.countDocuments(filter), ledger.find(filter).sort({ 'event.streamVersion': 1 }).skip(0).limit(20).toArray()]);
            return total;
          })
        : undefined;
      const audit = await timed(async () => {
        const filter = { 'event.streamId': pick(i++) };
        const [total] = await Promise.all([auditLedger.countDocuments(filter), auditLedger.find(filter).sort({ 'event.streamVersion': 1 }).skip(0).limit(20).toArray()]);
        return total;
      });
      const pg = await timed(async () => {
        const stream = pick(i++);
        const [count] = await Promise.all([
          pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${runId}".ledger WHERE stream_id = $1`, [stream]),
          pool.query(`SELECT entry FROM "${runId}".ledger WHERE stream_id = $1 ORDER BY stream_version OFFSET 0 LIMIT 20`, [stream]),
        ]);
        return Number(count.rows[0].n);
      });
      results.push({ size, ferret, audit, pg });
      console.log(`  audit ledger (PostgreSQL, read models): p50 ${audit.p50.toFixed(1)} ms, p99 ${audit.p99.toFixed(1)} ms; FerretDB ledger: ${ferret ? `${ferret.n} queries, p50 ${ferret.p50.toFixed(1)} ms, p99 ${ferret.p99.toFixed(1)} ms` : 'not measured at this size'}; raw PostgreSQL table: p50 ${pg.p50.toFixed(1)} ms, p99 ${pg.p99.toFixed(1)} ms`);
    }
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await pool.query(`DROP SCHEMA IF EXISTS "${runId}" CASCADE; DROP SCHEMA IF EXISTS "${runId}_audit" CASCADE`).catch(() => undefined);
    await readModels.close();
    await connection.close();
    await pool.end();
  }
  console.log('\n| ledger entries | audit ledger on PostgreSQL (read models) p50 / p99 ms | raw PostgreSQL table p50 / p99 ms (baseline) | FerretDB `ledger` collection p50 / p99 ms (for the record) |\n|---|---|---|---|');
  for (const r of results)
    console.log(`| ${fmt(r.size)} | ${r.audit.p50.toFixed(1)} / ${r.audit.p99.toFixed(1)} | ${r.pg.p50.toFixed(1)} / ${r.pg.p99.toFixed(1)} | ${r.ferret ? `${r.ferret.p50.toFixed(1)} / ${r.ferret.p99.toFixed(1)}${r.ferret.n < queries ? ` (${r.ferret.n} queries)` : ''}` : 'not measured'} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
