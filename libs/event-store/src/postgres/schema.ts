import type { PoolClient } from 'pg';

/**
 * The event store's tables, created and migrated by the service at start. Each migration runs
 * once, in its own transaction, recorded in `schema_version`; an advisory lock keeps two replicas
 * starting together from migrating at the same time. Append new migrations; never edit one that
 * has shipped.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: (schema: string) => string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'commits, events, snapshots, checkpoints',
    sql: (s) => `
      -- One row per append. first_position is the commit's first global position; command_id is
      -- the Idempotency-Key (NULL when none: a unique index admits any number of NULLs).
      CREATE TABLE ${s}.commits (
        first_position bigint PRIMARY KEY,
        last_position bigint NOT NULL,
        stream_id text NOT NULL,
        first_version integer NOT NULL,
        last_version integer NOT NULL,
        command_id text UNIQUE,
        recorded_at timestamptz NOT NULL,
        metadata json NOT NULL,
        is_void boolean NOT NULL DEFAULT false
      );
      CREATE UNIQUE INDEX commits_stream_version ON ${s}.commits (stream_id, first_version);
      -- One row per event, and one per void position: global_position is the claim on a position.
      -- json, not jsonb: the stored text is what was hashed, byte for byte.
      CREATE TABLE ${s}.events (
        global_position bigint PRIMARY KEY,
        commit_position bigint NOT NULL REFERENCES ${s}.commits (first_position),
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data json NOT NULL,
        occurred_at text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT events_stream_version UNIQUE (stream_id, stream_version)
      );
      CREATE INDEX events_commit ON ${s}.events (commit_position);
      CREATE INDEX events_type ON ${s}.events (type, global_position);
      CREATE TABLE ${s}.snapshots (
        stream_id text PRIMARY KEY,
        schema_version integer NOT NULL,
        version integer NOT NULL,
        event_hash text NOT NULL,
        state json NOT NULL,
        taken_at timestamptz NOT NULL
      );
      CREATE TABLE ${s}.checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        skipped jsonb NOT NULL DEFAULT '[]'
      );`,
  },
];

/** Brings the schema to the newest version; returns the versions applied now. */
export async function migrate(client: PoolClient, schema: string): Promise<number[]> {
  const s = quoteIdent(schema);
  await client.query('SELECT pg_advisory_lock(hashtext($1))', [`nangsuat-event-store-migrate:${schema}`]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT coalesce(max(version), 0) AS version FROM ${s}.schema_version`);
    const current = rows[0].version;
    const applied: number[] = [];
    for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql(s));
        await client.query(`INSERT INTO ${s}.schema_version (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`nangsuat-event-store-migrate:${schema}`]);
  }
}

/** A schema name from configuration, checked and quoted (it is part of every statement). */
export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`"${name}" is not a valid PostgreSQL schema name (lower-case letters, digits and _, at most 63)`);
  return `"${name}"`;
}
