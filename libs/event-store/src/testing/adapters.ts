import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { CommitLogStore, CommitLogStoreOptions } from '../commit-log-store';
import { MongoEventStore } from '../mongo-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { connectTestDatabase } from './mongo';

/** Store options a test may set; the adapter names the store. */
export type TestStoreOptions = Omit<CommitLogStoreOptions, 'boundedContext'> & { readonly boundedContext?: string };

/** Direct edits of the stored events, as someone with database access could make them. */
export interface Tampering {
  /** Changes an event's data in place, leaving its hashes as they were. */
  editEventData(streamId: string, streamVersion: number, data: object): Promise<void>;
  /** Changes the actor's username recorded with the commit starting at this version. */
  editActorUsername(streamId: string, firstVersion: number, username: string): Promise<void>;
  /** Removes the commit starting at this version. */
  deleteCommit(streamId: string, firstVersion: number): Promise<void>;
  /** Overwrites fields of a stream's snapshot as stored. */
  editSnapshot(streamId: string, fields: { state?: unknown; schemaVersion?: number; eventHash?: string }): Promise<void>;
  /** Swaps the first two events of the commit starting at this version (their places in the stream). */
  swapFirstTwoEvents(streamId: string, firstVersion: number): Promise<void>;
}

export interface TestStore {
  readonly store: CommitLogStore;
  /** Another store instance over the same data: a second replica (its own allocator and caches). */
  sibling(options?: TestStoreOptions): CommitLogStore;
  readonly tamper: Tampering;
  drop(): Promise<void>;
}

export interface TestStoreAdapter {
  readonly name: string;
  open(label: string, options?: TestStoreOptions): Promise<TestStore>;
}

/** The PostgreSQL server of the test run (scripts/test.sh sets EVENT_STORE_URL). */
export function testPostgresUrl(): string {
  const url = process.env.EVENT_STORE_URL;
  return url && url.startsWith('postgres') ? url : (process.env.TEST_POSTGRES_URL ?? 'postgres://nangsuat@127.0.0.1:5432/nangsuat');
}

export const postgresAdapter: TestStoreAdapter = {
  name: 'PostgreSQL',
  async open(label, options = {}) {
    const pool = new Pool({ connectionString: testPostgresUrl(), max: 10 });
    const schema = `test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
    const make = (o: TestStoreOptions = options) => new PostgresEventStore(pool, { boundedContext: 'plans', ...o, schema });
    const store = make();
    await store.ensureReady();
    const siblings: PostgresEventStore[] = [];
    const s = `"${schema}"`;
    return {
      store,
      sibling: (o) => {
        const other = make(o ?? options);
        siblings.push(other);
        return other;
      },
      tamper: {
        async editEventData(streamId, version, data) {
          await pool.query(`UPDATE ${s}.events SET data = $3::json WHERE stream_id = $1 AND stream_version = $2`, [streamId, version, JSON.stringify(data)]);
        },
        async editActorUsername(streamId, firstVersion, username) {
          await pool.query(
            `UPDATE ${s}.commits SET metadata = jsonb_set(metadata::jsonb, '{actor,username}', to_jsonb($3::text))::json WHERE stream_id = $1 AND first_version = $2`,
            [streamId, firstVersion, username],
          );
        },
        async deleteCommit(streamId, firstVersion) {
          const { rows } = await pool.query<{ first_position: string }>(`SELECT first_position FROM ${s}.commits WHERE stream_id = $1 AND first_version = $2`, [streamId, firstVersion]);
          await pool.query(`DELETE FROM ${s}.events WHERE commit_position = $1`, [rows[0].first_position]);
          await pool.query(`DELETE FROM ${s}.commits WHERE first_position = $1`, [rows[0].first_position]);
        },
        async editSnapshot(streamId, fields) {
          await pool.query(
            `UPDATE ${s}.snapshots SET state = coalesce($2::json, state), schema_version = coalesce($3, schema_version), event_hash = coalesce($4, event_hash) WHERE stream_id = $1`,
            [streamId, fields.state === undefined ? null : JSON.stringify(fields.state), fields.schemaVersion ?? null, fields.eventHash ?? null],
          );
        },
        async swapFirstTwoEvents(streamId, firstVersion) {
          // Swap everything but the version: the events now sit in each other's place.
          await pool.query(
            `UPDATE ${s}.events a SET event_id = b.event_id, type = b.type, data = b.data, prev_hash = b.prev_hash, hash = b.hash
             FROM ${s}.events b
             WHERE a.stream_id = $1 AND b.stream_id = $1 AND a.stream_version IN ($2, $2 + 1) AND b.stream_version = (2 * $2 + 1) - a.stream_version`,
            [streamId, firstVersion],
          );
        },
      },
      async drop() {
        for (const other of siblings) await other.close();
        await store.drop().catch(() => undefined);
        await store.close();
        await pool.end();
      },
    };
  },
};

export const mongoAdapter: TestStoreAdapter = {
  name: 'MongoDB wire (FerretDB)',
  async open(label, options = {}) {
    const { connection, drop } = await connectTestDatabase(label);
    const make = (o: TestStoreOptions = options) => new MongoEventStore(connection, { boundedContext: 'plans', ...o });
    const store = make();
    await store.ensureReady();
    const commits = store.commits;
    return {
      store,
      sibling: (o) => make(o ?? options),
      tamper: {
        async editEventData(streamId, version, data) {
          const commit = await commits.findOne({ streamId, firstVersion: { $lte: version }, lastVersion: { $gte: version } });
          await commits.updateOne({ _id: commit!._id }, { $set: { [`events.${version - commit!.firstVersion}.data`]: data } });
        },
        async editActorUsername(streamId, firstVersion, username) {
          await commits.updateOne({ streamId, firstVersion }, { $set: { 'metadata.actor.username': username } });
        },
        async deleteCommit(streamId, firstVersion) {
          await commits.deleteOne({ streamId, firstVersion });
        },
        async editSnapshot(streamId, fields) {
          const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
          await store.collection<{ _id: string }>('snapshots').updateOne({ _id: streamId }, { $set: set });
        },
        async swapFirstTwoEvents(streamId, firstVersion) {
          const commit = await commits.findOne({ streamId, firstVersion });
          const [a, b, ...rest] = commit!.events;
          await commits.updateOne({ _id: commit!._id }, { $set: { events: [b, a, ...rest] } });
        },
      },
      drop,
    };
  },
};

/** Both adapters: contract tests run once for each. */
export const storeAdapters: readonly TestStoreAdapter[] = [postgresAdapter, mongoAdapter];
