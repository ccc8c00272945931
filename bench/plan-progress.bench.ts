/* A plan's progress as the history behind it grows: GET /plans/:id/progress of the plans service
 * (started in-process, real Keycloak tokens) with 1,000 … 1,000,000 events in its store and the
 * counted facts of that history in its `contributions` read model. Not a test: nothing asserts on
 * time. Each figure is printed beside GET /health measured interleaved with it and beside the same
 * figure at the smallest size.
 *
 * Two plans are read at each size:
 * - a commune plan (51-NGOKBAY, pilot-model enterprises) whose own facts stay the same 200 while the
 *   province's history grows around it: what an index must keep flat;
 * - the province plan (51, trained person-times), whose facts are a share of the whole history (every
 *   course completion of its communes): read from the running totals per unit and day (decision 0016),
 *   and — the same run's baseline — folded fact by fact as every read was before (?recordedBy=, the
 *   bitemporal read, still folds every fact).
 *
 *   EVENT_STORE_URL=postgres://… MONGODB_URI=… KAFKA_BROKERS=… OIDC_ISSUER=… npm run bench:plan-progress
 *   BENCH_SIZES=1000,100000,1000000   BENCH_SCALE=0.5   BENCH_FIGURE_SECONDS=30   PROGRESS_TRAIL_INLINE=0 (default here) */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { tokenFor } from '@nangsuat/auth/testing';
import { PostgresEventStore } from '@nangsuat/event-store';
import { PostgresReadModels } from '@nangsuat/read-models';
import { createServiceApp } from '@nangsuat/service-runtime';
import { AppModule } from '../apps/plans/src/app.module';
import { CONTRIBUTIONS, ContributionStore } from '../apps/plans/src/plans/progress/contributions/contribution-store';
import { EVENTS_PER_COURSE, postgresSink, writeHistory } from './scaling/synthetic-history';
import { Http, measure, ms } from './scaling/measure';

const url = process.env.EVENT_STORE_URL ?? '';
if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('EVENT_STORE_URL=postgres://… (the plans service with its read models on PostgreSQL)');
const sizes = (process.env.BENCH_SIZES ?? '1000,100000,1000000').split(',').map(Number);
const requests = Math.max(20, Math.round(100 * Number(process.env.BENCH_SCALE ?? 1)));
const budgetSeconds = Number(process.env.BENCH_FIGURE_SECONDS ?? 30);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
/** As synthetic-history spreads its courses. */
const UNITS = ['51-NGOKBAY', '51-DAKCAM', '56-PHANRANG', '51', '56'];

/** The training completions of courses [from, to) as the contributions consumer stores them. */
function completions(from: number, to: number): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  for (let n = from; n < to; n++) {
    const year = 2024 + (n % 3);
    for (let i = 0; i < 25; i++) {
      const occurredAt = new Date(Date.UTC(year, n % 12, 6, 2, 0, i)).toISOString();
      docs.push({
        _id: randomUUID(), eventId: `c-${n}-${i}`, kind: 'training-completed', indicator: 'trained-person-times', unit: UNITS[n % UNITS.length], occurredAt,
        occurredOn: occurredAt.slice(0, 10), subjectId: `p-${n}-${i}`, refId: `pre-${n}`, sourceService: 'training', eventType: 'TraineeCompleted',
        streamId: `course-pre-${n}`, globalPosition: n * EVENTS_PER_COURSE + 90 + i, recordedAt: occurredAt, planDocumentNumber: `${4000 + (n % 50)}/KH-UBND`,
      });
    }
  }
  return docs;
}

async function main() {
  const runId = `bench_progress_${randomBytes(3).toString('hex')}`;
  process.env.MONGODB_DB = runId;
  process.env.KAFKA_CONSUMER_GROUP = `${runId}-plans`;
  process.env.PORT ??= '3998';
  process.env.OTEL_SDK_DISABLED ??= 'true';
  // The same read path at every size: no inline trail (a small answer would also fold its few facts to list them).
  process.env.PROGRESS_TRAIL_INLINE ??= '0';
  const pool = new Pool({ connectionString: url, max: 4 });
  const store = new PostgresEventStore(pool, { boundedContext: 'plans', schema: runId });
  await store.ensureReady();
  const readModels = PostgresReadModels.connect(url, runId);
  const sink = postgresSink(pool, runId);
  console.log(`plan progress benchmark — plans service — PostgreSQL — ${new Date().toISOString()} — node ${process.version} — ${requests} requests per figure — run ${runId}`);
  Logger.overrideLogger(['error']);
  const app = await createServiceApp({ service: 'plans', title: 'plans', description: 'plan progress benchmark', rootModule: AppModule });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const officer = new Http(base, await tokenFor('ngokbay.officer'));
  const admin = new Http(base, await tokenFor('qn.admin'));
  const contributions = readModels.collection(CONTRIBUTIONS, { fields: ['indicator', 'unit', 'occurredAt', 'recordedAt', 'planDocumentNumber'] });
  const rows: string[] = [];
  let first: Record<string, number> | undefined;
  try {
    const issue = async (http: Http, planId: string, unit: string, documentNumber: string, target: Record<string, unknown>) => {
      const drafted = await http.call('POST', '/plans', { planId, content: { title: `Kế hoạch ${planId}`, issuingUnit: unit, horizonYears: [2030], generalObjectives: ['Nâng cao năng suất'], targets: [target] } }, { 'idempotency-key': randomUUID() });
      if (drafted.status !== 201) throw new Error(`draft ${planId}: ${drafted.status} ${JSON.stringify(drafted.json)}`);
      const issued = await http.call('POST', `/plans/${planId}/issue`, { documentNumber, issueDate: '15/08/2025', signer: { name: 'Nguyễn Văn A' } }, { 'idempotency-key': randomUUID() });
      if (issued.status >= 300) throw new Error(`issue ${planId}: ${issued.status} ${JSON.stringify(issued.json)}`);
    };
    const tag = runId.slice(-6);
    const commune = `bench-commune-${tag}`;
    const province = `bench-province-${tag}`;
    await issue(officer, commune, '51-NGOKBAY', `91/KH-${tag.toUpperCase()}`, { id: 'pilot', indicator: 'pilot-model-enterprises', label: { vi: 'Mô hình', en: 'Pilots' }, unit: 'enterprises', milestoneYear: 2030, source: 'counted', comparison: 'at-least', value: 100 });
    await issue(admin, province, '51', `92/KH-${tag.toUpperCase()}`, { id: 'trained', indicator: 'trained-person-times', label: { vi: 'Đào tạo', en: 'Trained' }, unit: 'person-times', milestoneYear: 2030, source: 'counted', comparison: 'at-least', value: 1000 });
    // The commune plan's own facts: 200 pilot-model approvals, the same at every size.
    await contributions.insertMany(Array.from({ length: 200 }, (_, i) => {
      const occurredAt = new Date(Date.UTC(2025, 8, 1 + (i % 28), 3, 0, i % 60)).toISOString();
      return { _id: randomUUID(), eventId: `pilot-${i}`, kind: 'pilot-model-approved', indicator: 'pilot-model-enterprises', unit: '51-NGOKBAY', occurredAt, occurredOn: occurredAt.slice(0, 10), subjectId: `mst-${i}`, refId: `reg-${i}`, sourceService: 'support-programs', eventType: 'RegistrationApproved', streamId: `registration-${i}`, globalPosition: i, recordedAt: occurredAt };
    }));
    let stored = 0;
    let nextCourse = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      const added = await writeHistory(sink, readModels, nextCourse, size - stored, (n) => process.stdout.write(`\r  preloading ${fmt(stored + n)} events`));
      const facts = completions(nextCourse, added.nextCourse);
      for (let i = 0; i < facts.length; i += 5000) await contributions.insertMany(facts.slice(i, i + 5000));
      // A bulk load bypasses the consumer: keep the tallies as a rebuild does (what the consumer keeps fact by fact).
      const rebuilt = await app.get(ContributionStore).rebuildTallies();
      nextCourse = added.nextCourse;
      stored = size;
      // The state autovacuum keeps a live database in, which a bulk load skips (VACUUM runs alone, outside a transaction).
      await pool.query(`VACUUM ANALYZE "${runId}".rm_contributions`);
      await pool.query(`VACUUM ANALYZE "${runId}".rm_progress_tallies`);
      await pool.query(`ANALYZE "${runId}".events; ANALYZE "${runId}".commits`);
      const counted = await contributions.countDocuments({});
      console.log(`\r  ${fmt(size)} events in the store, ${fmt(counted)} counted facts (${fmt(rebuilt.simple)} kept as counts in ${fmt(rebuilt.rows)} rows) — preloaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      for (let i = 0; i < 10; i++) await officer.call('GET', '/health');
      // Warm the paths (JIT, plans' streams, PostgreSQL's caches) so that the smallest size is not a cold start.
      for (let i = 0; i < 5; i++) await Promise.all([officer.call('GET', `/plans/${commune}/progress`), admin.call('GET', `/plans/${province}/progress`)]);
      const communeFigure = await measure(officer, requests, () => officer.call('GET', `/plans/${commune}/progress`), 200, budgetSeconds);
      const provinceFigure = await measure(admin, Math.ceil(requests / 2), () => admin.call('GET', `/plans/${province}/progress`), 200, budgetSeconds);
      // The same run's baseline: every fact folded, as every read was before (the bitemporal read still is).
      const foldedFigure = await measure(admin, Math.ceil(requests / 4), () => admin.call('GET', `/plans/${province}/progress?recordedBy=31/12/2099`), 200, budgetSeconds);
      const answer = (await admin.call('GET', `/plans/${province}/progress`)).json.targets[0];
      const folded = (await admin.call('GET', `/plans/${province}/progress?recordedBy=31/12/2099`)).json.targets[0];
      if (answer.actual !== folded.actual) throw new Error(`the tallies give ${answer.actual}, the fold ${folded.actual}`);
      const provinceFacts = answer.contributingEvents as number;
      first ??= { commune: communeFigure.p50, province: provinceFigure.p50, folded: foldedFigure.p50 };
      const cell = (f: typeof communeFigure, base: number) => `${ms(f.p50)} / ${ms(f.p99)} (${ms(f.floor50)} / ${ms(f.floor99)}) ×${(f.p50 / base).toFixed(2)}${f.n < requests / 4 ? ` [${f.n} req.]` : ''}`;
      rows.push(`| ${fmt(size)} | ${fmt(counted)} | ${cell(communeFigure, first.commune)} | ${cell(provinceFigure, first.province)} (${fmt(provinceFacts)} facts, actual ${fmt(answer.actual)}) | ${cell(foldedFigure, first.folded)} |`);
      console.log(`  ${rows[rows.length - 1]}`);
    }
  } finally {
    await app.close();
    await readModels.close();
    await store.close();
    await pool.query(`DROP SCHEMA IF EXISTS "${runId}" CASCADE`).catch(() => undefined);
    await pool.end();
  }
  console.log('\np50 / p99 in ms; in brackets GET /health measured beside it; × = p50 ÷ p50 at the smallest size\n');
  console.log('| events in the store | counted facts | commune plan, 200 facts of its own (GET /plans/:id/progress) | province plan, a share of all facts (from the tallies) | province plan, every fact folded (before; ?recordedBy=) |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
