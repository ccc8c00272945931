import { randomUUID } from 'node:crypto';
import { Client, Pool, PoolConfig, QueryArrayConfig, types } from 'pg';
import { Checkpoint, CheckpointStore, CommitDocument, Snapshot, SnapshotStore, StoredEvent, VOID_STREAM, jsonText } from '../commit';
import { CommitLogStore, CommitLogStoreOptions, UniqueKeyViolation } from '../commit-log-store';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { Leadership, ReadAllOptions, ReadStreamOptions } from '../ports';
import { migrate, quoteIdent } from './schema';

export interface PostgresEventStoreOptions extends CommitLogStoreOptions {
  /** The PostgreSQL schema holding this store's tables (one per service, like a MongoDB database). */
  readonly schema: string;
  /** How long the NOTIFY after an append waits for more appends to share it. Default 5 ms. */
  readonly notifyLingerMs?: number;
}

const UNIQUE_VIOLATION = '23505';

interface CommitRow {
  first_position: string;
  last_position: string;
  stream_id: string;
  first_version: number;
  last_version: number;
  command_id: string | null;
  recorded_at: Date;
  metadata: CommitDocument['metadata'];
  is_void: boolean;
}

interface EventRow {
  global_position: string;
  commit_position: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: object;
  occurred_at: string;
  prev_hash: string;
  hash: string;
}

const EVENT_COLUMNS = 'e.global_position, e.commit_position, e.stream_version, e.event_id, e.type, e.schema_version, e.data, e.occurred_at, e.prev_hash, e.hash';
/** An envelope's columns, in the order `EnvelopeRow` reads them. */
const ENVELOPE_COLUMNS = `${EVENT_COLUMNS}, e.stream_id, c.recorded_at, c.metadata`;
/** A row of ENVELOPE_COLUMNS as an array, with the json and timestamptz columns as text. */
type EnvelopeRow = [string, string, number, string, string, number, string, string, string, string, string, string, string];

const JSON_OID = 114;
const TIMESTAMPTZ_OID = 1184;
const parseTimestamptz = types.getTypeParser(TIMESTAMPTZ_OID, 'text');
/** The query's json and timestamptz columns as the server sent them (text); everything else as pg parses it. */
const COMMIT_COLUMNS_AS_TEXT = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === JSON_OID || oid === TIMESTAMPTZ_OID ? (value: string) => value : types.getTypeParser(oid, format)),
};

/**
 * The event store on PostgreSQL (the `pg` driver): commits and events in tables with real indexes,
 * so every command path — a stream, its head, a command id — is an index lookup whatever the size
 * of the store. An append is one statement (commit row and event rows), atomic without an explicit
 * transaction; other processes are woken by a coalesced NOTIFY after it. Positions are claimed by the events' primary key; see
 * docs/decisions/0006-postgresql-event-store.md for why a reader can never skip one.
 */
export class PostgresEventStore extends CommitLogStore {
  readonly checkpoints: CheckpointStore;
  readonly snapshots: SnapshotStore;
  private readonly s: string;
  private ready?: Promise<void>;
  /** Tells this process's own notifications from other processes'. */
  private readonly instance = randomUUID();
  private readonly watchers = new Set<() => void>();
  private listener?: Promise<Client | undefined>;
  private closed = false;
  private announcing = false;
  private announceAgain = false;

  constructor(
    readonly pool: Pool,
    override readonly options: PostgresEventStoreOptions,
    private readonly ownsPool = false,
  ) {
    super(options);
    this.s = quoteIdent(options.schema);
    this.checkpoints = new PostgresCheckpoints(pool, this.s);
    this.snapshots = new PostgresSnapshots(pool, this.s);
  }

  /** A store with a pool of its own (closed by close()). */
  static connect(url: string, options: PostgresEventStoreOptions, pool: PoolConfig = {}): PostgresEventStore {
    return new PostgresEventStore(new Pool({ connectionString: url, max: 10, ...pool }), options, true);
  }

  get schema(): string {
    return this.options.schema;
  }

  private get channel(): string {
    return `nangsuat_commits:${this.options.schema}`;
  }

  ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await migrate(client, this.options.schema);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watchers.clear();
    const client = await this.listener?.catch(() => undefined);
    await client?.end().catch(() => undefined);
    if (this.ownsPool) await this.pool.end();
  }

  /** Removes the store's schema and everything in it (tests and tools). */
  async drop(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.s} CASCADE`);
    this.ready = undefined;
  }

  /** The same for a store already closed (after its service stopped). */
  static async dropSchema(url: string, schema: string): Promise<void> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    } finally {
      await client.end();
    }
  }

  // --- appends -----------------------------------------------------------------------------------
  protected async insertCommit(commit: CommitDocument): Promise<void> {
    await this.ensureReady();
    const e = commit.events;
    try {
      await this.pool.query(
        `WITH c AS (
           INSERT INTO ${this.s}.commits (first_position, last_position, stream_id, first_version, last_version, command_id, recorded_at, metadata)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         )
         INSERT INTO ${this.s}.events (global_position, commit_position, stream_id, stream_version, event_id, type, schema_version, data, occurred_at, prev_hash, hash)
         SELECT p, $1, $3, v, id, t, sv, d::json, o, ph, h
         FROM unnest($9::bigint[], $10::int[], $11::uuid[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::text[]) AS x(p, v, id, t, sv, d, o, ph, h)`,
        [
          commit._id,
          commit.lastPosition,
          commit.streamId,
          commit.firstVersion,
          commit.lastVersion,
          commit.commandId.startsWith('none:') ? null : commit.commandId,
          commit.recordedAt,
          jsonText(commit.metadata),
          e.map((x) => x.globalPosition),
          e.map((x) => x.streamVersion),
          e.map((x) => x.id),
          e.map((x) => x.type),
          e.map((x) => x.schemaVersion),
          e.map((x) => jsonText(x.data)),
          e.map((x) => x.occurredAt),
          e.map((x) => x.prevHash),
          e.map((x) => x.hash),
        ],
      );
    } catch (error) {
      throw isUniqueViolation(error) ? new UniqueKeyViolation(error) : error;
    }
    this.announce();
  }

  /**
   * Tells other processes that this one committed: one NOTIFY for however many appends happened
   * meanwhile, sent after them. A NOTIFY inside each append would make concurrent appends commit one
   * at a time (PostgreSQL serialises transactions that notify); a wake-up needs no more than this.
   * It lingers `notifyLingerMs` (default 5 ms) so that a busy writer's appends share one NOTIFY
   * (one round trip each otherwise); this process's own readers are told at once by the commit
   * notice, so only other processes' relays and subscriptions wait the linger.
   */
  private announce(): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    setTimeout(() => {
      this.pool
        .query('SELECT pg_notify($1, $2)', [this.channel, this.instance])
        .catch(() => undefined) // readers also poll
        .finally(() => {
          this.announcing = false;
          if (this.announceAgain && !this.closed) {
            this.announceAgain = false;
            this.announce();
          }
        });
    }, this.options.notifyLingerMs ?? 5);
  }

  protected async insertVoidMarkers(markers: readonly CommitDocument[]): Promise<number> {
    await this.ensureReady();
    let claimed = 0;
    for (const marker of markers) {
      try {
        // The events row is the claim on the position: a commit holding it refuses the marker.
        await this.pool.query(
          `WITH c AS (
             INSERT INTO ${this.s}.commits (first_position, last_position, stream_id, first_version, last_version, command_id, recorded_at, metadata, is_void)
             VALUES ($1::bigint, $2::bigint, $3::text, $1::int, $1::int, $4, $5, $6, true)
           )
           INSERT INTO ${this.s}.events (global_position, commit_position, stream_id, stream_version, event_id, type, schema_version, data, occurred_at, prev_hash, hash)
           SELECT p, $1::bigint, $3::text, p, $7::uuid, $3::text, 1, '{}'::json, '', '', '' FROM generate_series($1::bigint, $2::bigint) AS p`,
          [marker._id, marker.lastPosition, VOID_STREAM, marker.commandId, marker.recordedAt, JSON.stringify(marker.metadata), randomUUID()],
        );
      } catch (error) {
        if (isUniqueViolation(error)) return claimed;
        throw error;
      }
      claimed++;
    }
    return claimed;
  }

  protected async findCommitByCommandId(commandId: string): Promise<CommitDocument | null> {
    await this.ensureReady();
    return this.commitWhere('command_id = $1', [commandId]);
  }

  protected async findHead(streamId: string): Promise<CommitDocument | null> {
    if (streamId.includes('\u0000')) return null; // no stream can have such an id (PostgreSQL text holds no NUL)
    await this.ensureReady();
    return this.commitWhere(`first_position = (SELECT first_position FROM ${this.s}.commits WHERE stream_id = $1 ORDER BY first_version DESC LIMIT 1)`, [streamId]);
  }

  private async commitWhere(condition: string, params: unknown[]): Promise<CommitDocument | null> {
    const { rows } = await this.pool.query<CommitRow>(`SELECT * FROM ${this.s}.commits WHERE ${condition}`, params);
    if (rows.length === 0) return null;
    const [commit] = await this.withEvents(rows);
    return commit;
  }

  protected async highestPosition(): Promise<number> {
    await this.ensureReady();
    const { rows } = await this.pool.query<{ max: string | null }>(`SELECT max(global_position) AS max FROM ${this.s}.events`);
    return Number(rows[0].max ?? 0);
  }

  // --- reads -------------------------------------------------------------------------------------
  protected async storedEvents(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    if (streamId.includes('\u0000')) return []; // no stream can have such an id (PostgreSQL text holds no NUL)
    await this.ensureReady();
    const backwards = options.direction === 'backwards';
    const params: unknown[] = [streamId];
    const where = ['e.stream_id = $1'];
    if (options.fromVersion !== undefined) where.push(`e.stream_version ${backwards ? '<=' : '>='} $${params.push(options.fromVersion)}`);
    if (options.asOfVersion !== undefined) where.push(`e.stream_version <= $${params.push(options.asOfVersion)}`);
    if (options.asOfTime !== undefined) where.push(`c.recorded_at <= $${params.push(new Date(options.asOfTime))}`);
    const limit = options.maxCount !== undefined ? ` LIMIT $${params.push(options.maxCount)}` : '';
    return this.envelopes(
      `SELECT ${ENVELOPE_COLUMNS}
       FROM ${this.s}.events e JOIN ${this.s}.commits c ON c.first_position = e.commit_position
       WHERE ${where.join(' AND ')} ORDER BY e.stream_version ${backwards ? 'DESC' : 'ASC'}${limit}`,
      params,
      false,
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    await this.ensureReady();
    const params: unknown[] = [options.afterPosition ?? 0, VOID_STREAM];
    const where = ['e.global_position > $1', 'e.stream_id <> $2'];
    if (options.streamPrefix) where.push(`starts_with(e.stream_id, $${params.push(options.streamPrefix)})`);
    if (options.types?.length) where.push(`e.type = ANY($${params.push([...options.types])}::text[])`);
    const limit = options.limit !== undefined ? ` LIMIT $${params.push(options.limit)}` : '';
    return this.envelopes(
      `SELECT ${ENVELOPE_COLUMNS}
       FROM ${this.s}.events e JOIN ${this.s}.commits c ON c.first_position = e.commit_position
       WHERE ${where.join(' AND ')} ORDER BY e.global_position${limit}`,
      params,
      true,
    );
  }

  /**
   * Runs a query selecting ENVELOPE_COLUMNS and builds the envelopes straight from its rows: rows as
   * arrays (no row object per event on the way), and the commit's columns — the same for all its
   * events, which come one after another in either order — taken as text and parsed once per commit
   * (its events share that metadata object, as `toRecordedEvents` has them share it). Each event's
   * data is parsed as pg parses json (`JSON.parse`).
   */
  private async envelopes(text: string, values: unknown[], upcast: boolean): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query({ text, values, rowMode: 'array', types: COMMIT_COLUMNS_AS_TEXT } as QueryArrayConfig);
    const out: RecordedEvent[] = new Array(rows.length);
    let commit: string | undefined;
    let recordedAt = '';
    let metadata!: CommitDocument['metadata'];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as EnvelopeRow;
      if (r[1] !== commit) {
        commit = r[1];
        recordedAt = (parseTimestamptz(r[11]) as Date).toISOString();
        metadata = JSON.parse(r[12]) as CommitDocument['metadata'];
      }
      const event: RecordedEvent = {
        id: r[3],
        type: r[4],
        schemaVersion: r[5],
        data: JSON.parse(r[6]) as object,
        streamId: r[10],
        streamVersion: r[2],
        globalPosition: Number(r[0]),
        occurredAt: r[7],
        recordedAt,
        metadata,
        prevHash: r[8],
        hash: r[9],
      };
      out[i] = upcast ? this.upcasters.apply(event) : event;
    }
    return out;
  }

  async readCommits(afterPosition: number, limit: number): Promise<CommitDocument[]> {
    await this.ensureReady();
    const { rows } = await this.pool.query<CommitRow>(`SELECT * FROM ${this.s}.commits WHERE first_position > $1 ORDER BY first_position LIMIT $2`, [afterPosition, limit]);
    return this.withEvents(rows);
  }

  /** Pages by the primary key: each page is an index range read, however large the store. */
  async *commitsAfter(afterPosition: number, batchSize: number): AsyncIterable<CommitDocument> {
    for (let after = afterPosition; ; ) {
      const page = await this.readCommits(after, batchSize);
      yield* page;
      if (page.length < batchSize) return;
      after = page[page.length - 1]._id;
    }
  }

  async countCommits(afterPosition = 0): Promise<number> {
    await this.ensureReady();
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.s}.commits WHERE first_position > $1 AND NOT is_void`, [afterPosition]);
    return Number(rows[0].n);
  }

  /** The commits' events, fetched by one range read over the positions they span. */
  private async withEvents(rows: readonly CommitRow[]): Promise<CommitDocument[]> {
    const real = rows.filter((r) => !r.is_void);
    const byCommit = new Map<string, StoredEvent[]>();
    if (real.length) {
      const positions = real.map((r) => r.first_position);
      const { rows: events } = await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${this.s}.events e WHERE e.commit_position = ANY($1::bigint[]) ORDER BY e.global_position`,
        [positions],
      );
      for (const event of events) {
        const list = byCommit.get(event.commit_position) ?? [];
        list.push(toStoredEvent(event));
        byCommit.set(event.commit_position, list);
      }
    }
    return rows.map((r) => ({
      _id: Number(r.first_position),
      lastPosition: Number(r.last_position),
      streamId: r.stream_id,
      firstVersion: r.first_version,
      lastVersion: r.last_version,
      commandId: r.command_id ?? `none:${r.first_position}`,
      recordedAt: r.recorded_at,
      metadata: r.metadata,
      events: byCommit.get(r.first_position) ?? [],
      ...(r.is_void ? { void: true as const } : {}),
    }));
  }

  // --- leadership --------------------------------------------------------------------------------
  /**
   * A session-level advisory lock on a connection of its own: PostgreSQL releases it the moment
   * the holder's connection ends, so a replica that dies hands over at once, without a lease timeout.
   */
  async acquireLeadership(name: string): Promise<Leadership | undefined> {
    const key = `nangsuat-leader:${this.options.schema}:${name}`;
    const client = new Client({ ...(this.pool.options as object) });
    await client.connect();
    let lose!: () => void;
    const lost = new Promise<void>((resolve) => (lose = resolve));
    client.on('error', () => lose());
    client.on('end', () => lose());
    const { rows } = await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS held', [key]).catch((error: unknown) => {
      void client.end().catch(() => undefined);
      throw error;
    });
    if (!rows[0].held) {
      await client.end().catch(() => undefined);
      return undefined;
    }
    return {
      lost,
      release: async () => {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  }

  // --- notifications -----------------------------------------------------------------------------
  /** Other processes' commits, told by PostgreSQL's NOTIFY (sent by every append at its commit). */
  watchCommits(listener: () => void): () => void {
    this.watchers.add(listener);
    this.listener ??= this.listen();
    return () => this.watchers.delete(listener);
  }

  private async listen(): Promise<Client | undefined> {
    if (this.closed) return undefined;
    const client = new Client({ ...(this.pool.options as object) });
    try {
      await client.connect();
      client.on('notification', (message) => {
        if (message.payload === this.instance) return;
        for (const watcher of this.watchers) watcher();
      });
      client.on('error', () => this.relisten(client));
      await client.query(`LISTEN ${quoteChannel(this.channel)}`);
      return client;
    } catch {
      this.relisten(client);
      return undefined;
    }
  }

  /** A lost LISTEN connection is opened again; readers poll meanwhile, so nothing is missed. */
  private relisten(client: Client): void {
    void client.end().catch(() => undefined);
    if (this.closed) return;
    setTimeout(() => {
      if (!this.closed) this.listener = this.listen();
    }, 1000).unref();
  }
}

class PostgresCheckpoints implements CheckpointStore {
  constructor(
    private readonly pool: Pool,
    private readonly s: string,
  ) {}

  async load(name: string): Promise<Checkpoint | undefined> {
    const { rows } = await this.pool.query<{ position: string; updated_at: Date; skipped: { from: number; to: number }[] }>(
      `SELECT position, updated_at, skipped FROM ${this.s}.checkpoints WHERE name = $1`,
      [name],
    );
    return rows[0] ? { name, position: Number(rows[0].position), updatedAt: rows[0].updated_at, skipped: rows[0].skipped } : undefined;
  }

  async save(name: string, position: number, skipped: readonly { from: number; to: number }[] = []): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.s}.checkpoints (name, position, updated_at, skipped) VALUES ($1, $2, now(), $3::jsonb)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at,
         skipped = ${this.s}.checkpoints.skipped || excluded.skipped`,
      [name, position, JSON.stringify(skipped)],
    );
  }

  async remove(name: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.s}.checkpoints WHERE name = $1`, [name]);
  }
}

class PostgresSnapshots implements SnapshotStore {
  constructor(
    private readonly pool: Pool,
    private readonly s: string,
  ) {}

  async load(streamId: string): Promise<Snapshot | undefined> {
    const { rows } = await this.pool.query<{ schema_version: number; version: number; event_hash: string; state: unknown; taken_at: Date }>(
      `SELECT schema_version, version, event_hash, state, taken_at FROM ${this.s}.snapshots WHERE stream_id = $1`,
      [streamId],
    );
    const row = rows[0];
    return row ? { streamId, schemaVersion: row.schema_version, version: row.version, eventHash: row.event_hash, state: row.state, takenAt: row.taken_at } : undefined;
  }

  async save(snapshot: Snapshot): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.s}.snapshots (stream_id, schema_version, version, event_hash, state, taken_at) VALUES ($1, $2, $3, $4, $5::json, $6)
       ON CONFLICT (stream_id) DO UPDATE SET schema_version = excluded.schema_version, version = excluded.version,
         event_hash = excluded.event_hash, state = excluded.state, taken_at = excluded.taken_at
       WHERE ${this.s}.snapshots.version < excluded.version`,
      [snapshot.streamId, snapshot.schemaVersion, snapshot.version, snapshot.eventHash, JSON.stringify(snapshot.state), snapshot.takenAt],
    );
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    streamVersion: row.stream_version,
    globalPosition: Number(row.global_position),
    occurredAt: row.occurred_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === UNIQUE_VIOLATION;
}

function quoteChannel(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
