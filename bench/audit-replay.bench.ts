/* Audit replay benchmark: replay throughput (events/s) of 100,000+ events folded through a domain
 * decider's evolve, next to a raw cursor read of the same collection with the driver, in the same run
 * on the same server. Not a test: nothing asserts on time.
 *   npm run bench:audit-replay      (MONGODB_URI as for the tests; BENCH_EVENTS=100000, BENCH_RUNS=3;
 *   BENCH_DB=<name> reuses a database seeded by an earlier run and keeps it;
 *   BENCH_SORTED=1 also measures the sorted paths (raw cursor sorted by global position, and
 *   MongoEventStore.readAll) — very slow on FerretDB 1.24/SQLite, which sorts outside the index)
 *
 * Default passes read the commit collection in its natural order, which for this seeded collection
 * is global-position order (inserted in order), so raw and replay read exactly the same documents
 * the same way and the difference is the replay's own cost: envelope mapping, evolve, hashing. */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import { CommitDocument, hashEvent, MongoEventStore, RecordedEvent, toRecordedEvents, toStoredEvent, withHash } from '@nangsuat/event-store';
import { DeciderRegistry } from '../apps/audit/src/audit/domain/decider-registry';
import { replayState } from '../apps/audit/src/audit/domain/timeline';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PER_STREAM = 10;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const metadata = { actor: { id: 'u-bench', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] }, unit: '51-NGOKBAY', correlationId: 'bench' };

function streamEvents(s: number, firstPosition: number, recordedAt: string): RecordedEvent[] {
  const enterpriseId = `mst-${String(100000000 + s).padStart(10, '0')}`;
  const streamId = `enterprise-${enterpriseId}`;
  let prevHash = '';
  return Array.from({ length: PER_STREAM }, (_, i) => {
    const e = withHash({
      id: `${streamId}#${i + 1}`,
      type: i === 0 ? 'EnterpriseRegistered' : 'EnterpriseProfileUpdated',
      schemaVersion: 1,
      data:
        i === 0
          ? { enterpriseId, taxCode: enterpriseId.slice(4), name: `Hợp tác xã nông nghiệp số ${s}`, unitCode: '51-NGOKBAY', sector: 'nông nghiệp', size: 'small', group: 'cooperative', registeredAt: recordedAt }
          : { enterpriseId, unitCode: '51-NGOKBAY', changes: { sector: `nông nghiệp ${i}`, size: i % 2 ? 'medium' : 'small' }, updatedAt: recordedAt },
      streamId,
      streamVersion: i + 1,
      globalPosition: firstPosition + i,
      occurredAt: recordedAt,
      recordedAt,
      metadata,
      prevHash,
    });
    prevHash = e.hash;
    return e;
  });
}

async function main() {
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const reuse = process.env.BENCH_DB;
  const dbName = reuse ?? `bench_audit_replay_${randomBytes(3).toString('hex')}`;
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  try {
    const store = new MongoEventStore(connection, { boundedContext: 'support-programs' });
    await store.ensureIndexes();
    const streams = Math.ceil(EVENTS / PER_STREAM);
    const recordedAt = new Date('2025-07-01T01:00:00.000Z');
    const seeded = reuse ? await store.commits.countDocuments() : 0;
    if (seeded < streams * PER_STREAM) {
      console.log(`seeding ${fmt(streams * PER_STREAM)} events (${fmt(streams)} enterprise streams × ${PER_STREAM}, one commit per event) into ${dbName} …`);
      let batch: CommitDocument[] = [];
      let position = 1;
      for (let s = 0; s < streams; s++) {
        for (const e of streamEvents(s, position, recordedAt.toISOString())) {
          batch.push({ _id: e.globalPosition, lastPosition: e.globalPosition, streamId: e.streamId, firstVersion: e.streamVersion, lastVersion: e.streamVersion, commandId: `none:${e.globalPosition}`, recordedAt, metadata, events: [toStoredEvent(e)] });
        }
        position += PER_STREAM;
        if (batch.length >= 5000) {
          await store.commits.insertMany(batch, { ordered: false });
          batch = [];
        }
      }
      if (batch.length) await store.commits.insertMany(batch, { ordered: false });
    } else {
      console.log(`reusing ${fmt(seeded)} events in ${dbName}`);
    }
    const total = streams * PER_STREAM;

    const kind = new DeciderRegistry().find('enterprise-mst-0')!;
    const sorted = process.env.BENCH_SORTED === '1';
    const results: Record<string, number[]> = { raw: [], replay: [], replayVerify: [], rawSorted: [], readAll: [] };
    const rate = (n: number, t0: number) => n / ((performance.now() - t0) / 1000);
    const natural = () => store.commits.find({}, { batchSize: 1000 });
    // Warm-up pass (not counted): the store's page cache otherwise favours whichever pass runs second.
    const inMemory: RecordedEvent[] = [];
    for await (const commit of natural()) inMemory.push(...toRecordedEvents(commit));
    for (let run = 1; run <= RUNS; run++) {
      // 1. Raw driver: a cursor over the commit collection, documents only.
      let t0 = performance.now();
      let n = 0;
      for await (const commit of natural()) n += commit.events.length;
      results.raw.push(rate(n, t0));

      // 2. Replay: the same cursor, every event rebuilt as a RecordedEvent and folded through the owning decider's evolve.
      t0 = performance.now();
      n = 0;
      const states = new Map<string, unknown>();
      for await (const commit of natural()) {
        for (const e of toRecordedEvents(commit)) {
          states.set(e.streamId, kind.decider.evolve(states.get(e.streamId) ?? kind.decider.initialState(), e));
          n++;
        }
      }
      results.replay.push(rate(n, t0));

      // 3. The audit's replay: as 2, plus every event's hash recomputed with the shared hashing code.
      t0 = performance.now();
      n = 0;
      let broken = 0;
      states.clear();
      for await (const commit of natural()) {
        for (const e of toRecordedEvents(commit)) {
          if (hashEvent(e) !== e.hash) broken++;
          states.set(e.streamId, kind.decider.evolve(states.get(e.streamId) ?? kind.decider.initialState(), e));
          n++;
        }
      }
      if (broken) throw new Error(`${broken} events failed verification`);
      results.replayVerify.push(rate(n, t0));
      // 4. CPU cost alone: the same events already in memory, folded (and hashed), no I/O.
      t0 = performance.now();
      states.clear();
      for (const e of inMemory) states.set(e.streamId, kind.decider.evolve(states.get(e.streamId) ?? kind.decider.initialState(), e));
      (results.memEvolve ??= []).push(rate(inMemory.length, t0));
      t0 = performance.now();
      states.clear();
      for (const e of inMemory) {
        if (hashEvent(e) !== e.hash) broken++;
        states.set(e.streamId, kind.decider.evolve(states.get(e.streamId) ?? kind.decider.initialState(), e));
      }
      (results.memVerify ??= []).push(rate(inMemory.length, t0));
      console.log(`run ${run}: raw ${fmt(results.raw[run - 1])} ev/s, replay ${fmt(results.replay[run - 1])} ev/s, replay+verify ${fmt(results.replayVerify[run - 1])} ev/s`);

      if (sorted) {
        t0 = performance.now();
        n = 0;
        for await (const commit of store.commits.find({}, { sort: { _id: 1 }, batchSize: 1000 })) n += commit.events.length;
        results.rawSorted.push(rate(n, t0));
        t0 = performance.now();
        n = 0;
        states.clear();
        for (let after = 0; ; ) {
          const page: RecordedEvent[] = await store.readAll({ afterPosition: after, limit: 5000 });
          if (page.length === 0) break;
          for (const e of page) states.set(e.streamId, kind.decider.evolve(states.get(e.streamId) ?? kind.decider.initialState(), e));
          n += page.length;
          after = page[page.length - 1].globalPosition;
        }
        results.readAll.push(rate(n, t0));
        console.log(`run ${run}: raw sorted ${fmt(results.rawSorted[run - 1])} ev/s, readAll + evolve ${fmt(results.readAll[run - 1])} ev/s`);
      }
    }
    // Sanity: one stream's replayed state equals a fold of its own events.
    const sample = await store.readStream('enterprise-mst-0100000000');
    if (replayState(kind.decider, sample[0].streamId, sample).version !== PER_STREAM) throw new Error('replay sanity check failed');

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const raw = median(results.raw);
    console.log('');
    console.log(`| measure (${fmt(total)} events, median of ${RUNS} runs) | events/s | vs raw cursor |`);
    console.log('|---|---:|---:|');
    console.log(`| raw driver cursor over the commit collection | ${fmt(raw)} | 100 % |`);
    console.log(`| replay: same cursor + envelope + enterprise decider evolve | ${fmt(median(results.replay))} | ${Math.round((100 * median(results.replay)) / raw)} % |`);
    console.log(`| replay + SHA-256 re-verification of every event | ${fmt(median(results.replayVerify))} | ${Math.round((100 * median(results.replayVerify)) / raw)} % |`);
    console.log(`| (CPU only) evolve over the events in memory | ${fmt(median(results.memEvolve))} | — |`);
    console.log(`| (CPU only) SHA-256 re-verification + evolve in memory | ${fmt(median(results.memVerify))} | — |`);
    if (sorted) {
      const rawSorted = median(results.rawSorted);
      console.log(`| raw driver cursor sorted by global position | ${fmt(rawSorted)} | ${Math.round((100 * rawSorted) / raw)} % |`);
      console.log(`| MongoEventStore.readAll (sorted, paged) + evolve | ${fmt(median(results.readAll))} | ${Math.round((100 * median(results.readAll)) / rawSorted)} % of sorted raw |`);
    }
  } finally {
    if (!reuse) await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
