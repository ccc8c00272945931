import { Pool, PoolClient } from 'pg';
import { CollectionOptions, CountOptions, DocumentCollection, DocumentCursor, DUPLICATE_KEY, Filter, FindOneAndUpdateOptions, FindOptions, IndexOptions, Projection, ReadModelStore, SortSpec, Update } from '../ports';
import { createHash } from 'node:crypto';
import { applyUpdate, documentExpression, equalitiesOf, getPath, indexColumns, orderBy, pathSegments, project, SEARCH_FRAGMENT_LENGTH, searchFragmentsFunction, setPath, SqlParameters, whereClause } from './document-sql';

const UNIQUE_VIOLATION = '23505';
const DUPLICATE_COLUMN = '42701';
const DUPLICATE_OBJECT = '42710';
const DUPLICATE_FUNCTION = '42723';

/** A taken `_id` or unique key, reported as MongoDB does (code 11000), so callers handle one error. */
class DuplicateKey extends Error {
  readonly code = DUPLICATE_KEY;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Query documents in PostgreSQL: one table per collection, `(id text primary key, doc jsonb)`, in
 * the service's own schema (the one its events live in). Indexes are declared through createIndex
 * as on MongoDB and become expression indexes over the same jsonb paths the queries use.
 */
export class PostgresReadModels implements ReadModelStore {
  readonly kind = 'postgres' as const;
  private readonly collections = new Map<string, PostgresDocumentCollection<any>>();
  private schemaReady?: Promise<void>;

  private constructor(
    private readonly pool: Pool,
    readonly schema: string,
  ) {}

  static connect(url: string, schema: string): PostgresReadModels {
    const pool = new Pool({ connectionString: url, max: Number(process.env.READ_MODELS_POOL_SIZE ?? 10) });
    // A connection that breaks while idle must not take the process down; the next query reconnects.
    pool.on('error', () => undefined);
    return new PostgresReadModels(pool, schema);
  }

  collection<T extends object>(name: string, options: CollectionOptions = {}): DocumentCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new PostgresDocumentCollection<T>(this, tableName(name), options);
      this.collections.set(name, collection);
    } else {
      collection.learn(options);
    }
    return collection;
  }

  /** Creates the schema once per process (concurrent services may race: IF NOT EXISTS, retried). */
  ensureSchema(): Promise<void> {
    this.schemaReady ??= this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`).then(
      () => undefined,
      (error) => {
        this.schemaReady = undefined;
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) return;
        throw error;
      },
    );
    return this.schemaReady;
  }

  query(text: string, values?: unknown[]) {
    return this.pool.query(text, values);
  }

  private trigramsReady?: Promise<boolean>;

  /** Whether pg_trgm is there (created if this role may): without it regex search reads every row's field. */
  trigrams(): Promise<boolean> {
    this.trigramsReady ??= this.pool.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').then(
      () => true,
      (error) => (error as { code?: string }).code === UNIQUE_VIOLATION,
    );
    return this.trigramsReady;
  }

  private fragmentsReady?: Promise<string | undefined>;

  /**
   * The schema's function giving a search key's word fragments (created once; undefined if this
   * role may not create functions: search then falls back to the trigram index).
   */
  searchFragments(): Promise<string | undefined> {
    // Named by its fragment length: a different length is a different function (and column values).
    const name = `${quoteIdent(this.schema)}.rm_search_fragments_${SEARCH_FRAGMENT_LENGTH}`;
    this.fragmentsReady ??= this.ensureSchema()
      .then(() => this.pool.query(searchFragmentsFunction(name)))
      .then(
        () => name,
        (error) => {
          const code = (error as { code?: string }).code ?? '';
          // Already there (another process, an earlier start): the same definition.
          return [DUPLICATE_FUNCTION, UNIQUE_VIOLATION].includes(code) ? name : undefined;
        },
      );
    return this.fragmentsReady;
  }

  connectClient(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async transaction<R>(work: (client: PoolClient) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** `training.courses_view` → `rm_courses_view`: collection names made table names. */
export const tableName = (collection: string) => `rm_${collection.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;

class PostgresDocumentCollection<T extends object> implements DocumentCollection<T> {
  private tableReady?: Promise<void>;
  private readonly arrays = new Set<string>();
  private readonly dates = new Set<string>();
  private readonly fields = new Set<string>();
  private readonly textSearch = new Set<string>();
  /** Paths whose generated column exists (queries read those from it). */
  private readonly columns = new Map<string, string>();
  /** Search paths whose word-fragment column exists (plain-word searches use it). */
  private readonly fragmentColumns = new Map<string, string>();

  constructor(
    private readonly store: PostgresReadModels,
    private readonly table: string,
    options: CollectionOptions,
  ) {
    this.learn(options);
  }

  /** What another caller knows of the documents' shape (array and date fields) is added. */
  learn(options: CollectionOptions): void {
    for (const path of options.arrays ?? []) this.arrays.add(path);
    for (const field of options.dates ?? []) this.dates.add(field);
    const before = this.fields.size + this.textSearch.size;
    for (const path of [...(options.fields ?? []), ...(options.textSearch ?? [])]) this.fields.add(path);
    for (const path of options.textSearch ?? []) this.textSearch.add(path);
    // New fields: their columns are added before the next operation.
    if (this.fields.size + this.textSearch.size !== before) this.tableReady = undefined;
  }

  private readonly columnOf = (path: string): string | undefined => this.columns.get(path);
  private readonly fragmentsOf = (path: string): string | undefined => this.fragmentColumns.get(path);

  private get qualified(): string {
    return `${quoteIdent(this.store.schema)}.${quoteIdent(this.table)}`;
  }

  private ready(): Promise<void> {
    this.tableReady ??= (async () => {
      await this.store.ensureSchema();
      // Room on each page for an updated row beside its old one: an update that changes no indexed
      // field (a course's counts) then touches no index (a HOT update), which keeps a command's
      // own read-model refresh cheap as the tables grow.
      await this.store.query(`CREATE TABLE IF NOT EXISTS ${this.qualified} (id text PRIMARY KEY, doc jsonb NOT NULL) WITH (fillfactor = 80)`).catch((error) => {
        // Two processes creating the same table at once: the loser sees a duplicate type.
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      });
      for (const path of this.fields) {
        if (this.columns.has(path)) continue;
        const column = fieldColumn(path);
        // PostgreSQL computes it on every write (and for the rows already there when it is added).
        await this.store
          .query(`ALTER TABLE ${this.qualified} ADD COLUMN IF NOT EXISTS ${quoteIdent(column)} jsonb GENERATED ALWAYS AS (doc #> '{${pathSegments(path).join(',')}}') STORED`)
          .catch(ignoreCodes(DUPLICATE_COLUMN, UNIQUE_VIOLATION));
        if (this.textSearch.has(path) && (await this.store.trigrams())) {
          await this.store
            .query(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${this.table}_${column}_trgm`.slice(0, 63))} ON ${this.qualified} USING gin ((${quoteIdent(column)} #>> '{}') gin_trgm_ops)`)
            .catch(ignoreCodes(UNIQUE_VIOLATION, DUPLICATE_OBJECT));
        }
        this.columns.set(path, column);
      }
      for (const path of this.textSearch) {
        if (this.fragmentColumns.has(path)) continue;
        const fragments = await this.store.searchFragments();
        if (!fragments) continue;
        const column = searchColumn(path);
        await this.store
          .query(`ALTER TABLE ${this.qualified} ADD COLUMN IF NOT EXISTS ${quoteIdent(column)} jsonb GENERATED ALWAYS AS (${fragments}(doc #>> '{${pathSegments(path).join(',')}}')) STORED`)
          .catch(ignoreCodes(DUPLICATE_COLUMN, UNIQUE_VIOLATION));
        await this.store
          .query(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`${this.table}_${column}`.slice(0, 63))} ON ${this.qualified} USING gin (${quoteIdent(column)} jsonb_path_ops)`)
          .catch(ignoreCodes(UNIQUE_VIOLATION, DUPLICATE_OBJECT));
        this.fragmentColumns.set(path, column);
      }
    })().catch((error) => {
      this.tableReady = undefined;
      throw error;
    });
    return this.tableReady;
  }

  private where(filter: Filter | undefined, params: SqlParameters): string {
    return whereClause(filter, { params, arrays: this.arrays, columns: this.columnOf, fragments: this.fragmentsOf });
  }

  private toDocument(row: { id: string; doc: Record<string, unknown> }): T {
    const document: Record<string, unknown> = { _id: row.id, ...row.doc };
    for (const field of this.dates) {
      const value = getPath(document, field);
      if (typeof value === 'string') setPath(document, field, new Date(value));
    }
    return document as T;
  }

  /**
   * The page first, then the projection over its rows only (a subquery with a LIMIT is not merged
   * into the outer query, whose scan keeps its order): a page past an OFFSET does not cut the
   * documents it skips.
   */
  private selectText(filter: Filter | undefined, options: FindOptions, params: SqlParameters): string {
    let page = `SELECT id, doc FROM ${this.qualified} WHERE ${this.where(filter, params)} ${orderBy(options.sort, this.columnOf)}`;
    if (options.limit) page += ` LIMIT ${params.add(options.limit)}`;
    if (options.skip) page += ` OFFSET ${params.add(options.skip)}`;
    const document = documentExpression(options.projection, params);
    return document === 'doc' ? page : `SELECT id, ${document} FROM (${page}) AS page`;
  }

  async select(filter: Filter | undefined, options: FindOptions): Promise<T[]> {
    await this.ready();
    const params = new SqlParameters();
    const text = this.selectText(filter, options, params);
    const { rows } = await this.store.query(text, params.values);
    return rows.map((row) => project(this.toDocument(row) as Record<string, unknown>, options.projection) as T);
  }

  /** A server-side cursor over the query (its own connection, in a read-only transaction). */
  async openCursor(filter: Filter, options: FindOptions): Promise<{ next(count: number): Promise<T[]>; close(): Promise<void> }> {
    await this.ready();
    const params = new SqlParameters();
    const text = this.selectText(filter, options, params);
    const client = await this.store.connectClient();
    let open = true;
    const close = async () => {
      if (!open) return;
      open = false;
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    };
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`DECLARE scan NO SCROLL CURSOR FOR ${text}`, params.values);
    } catch (error) {
      await close();
      throw error;
    }
    return {
      next: async (count) => {
        const { rows } = await client.query(`FETCH ${Math.max(1, Math.floor(count))} FROM scan`);
        return rows.map((row) => project(this.toDocument(row) as Record<string, unknown>, options.projection) as T);
      },
      close,
    };
  }

  find<R = T>(filter: Filter = {}, options: FindOptions = {}): DocumentCursor<R> {
    return new PostgresCursor<R>(this, filter, options);
  }

  async findOne<R = T>(filter: Filter, options: Pick<FindOptions, 'projection' | 'sort'> = {}): Promise<R | null> {
    const [found] = await this.select(filter, { ...options, limit: 1 });
    return (found as unknown as R) ?? null;
  }

  async countDocuments(filter: Filter = {}, options: CountOptions = {}): Promise<number> {
    await this.ready();
    const params = new SqlParameters();
    const where = this.where(filter, params);
    // A limit stops the scan there: the count of a list's first pages reads a bounded part of an index.
    const text =
      options.limit !== undefined && options.limit > 0
        ? `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${this.qualified} WHERE ${where} LIMIT ${params.add(Math.floor(options.limit))}) AS bounded`
        : `SELECT count(*)::int AS n FROM ${this.qualified} WHERE ${where}`;
    const { rows } = await this.store.query(text, params.values);
    return rows[0].n;
  }

  async distinct(path: string, filter: Filter = {}): Promise<unknown[]> {
    await this.ready();
    const params = new SqlParameters();
    const column = this.columnOf(path);
    const expr = path === '_id' ? 'to_jsonb(id)' : column ? quoteIdent(column) : `(doc #> '{${pathSegments(path).join(',')}}')`;
    const { rows } = await this.store.query(`SELECT DISTINCT ${expr} AS v FROM ${this.qualified} WHERE ${this.where(filter, params)} AND ${expr} IS NOT NULL`, params.values);
    return rows.map((row) => row.v);
  }

  async insertOne(document: T): Promise<{ insertedId: string }> {
    await this.ready();
    const { _id, ...rest } = document as Record<string, unknown>;
    if (typeof _id !== 'string') throw new Error('documents need a string _id');
    try {
      await this.store.query(`INSERT INTO ${this.qualified} (id, doc) VALUES ($1, $2::jsonb)`, [_id, JSON.stringify(rest)]);
    } catch (error) {
      throw duplicateKeyOr(error);
    }
    return { insertedId: _id };
  }

  /**
   * An upsert's insert: a taken key is reported as on MongoDB (11000), but without a failed INSERT —
   * the projections' version-guarded upsert collides on every event the command's own refresh
   * already applied, and each failed INSERT would leave a dead row and index entries behind.
   */
  private async insertOrCollide(document: T): Promise<void> {
    const { _id, ...rest } = document as Record<string, unknown>;
    if (typeof _id !== 'string') throw new Error('documents need a string _id');
    const { rowCount } = await this.store.query(`INSERT INTO ${this.qualified} (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING`, [_id, JSON.stringify(rest)]);
    if (!rowCount) throw new DuplicateKey(`E11000 duplicate key: ${_id} (or a unique key) is taken`);
  }

  async insertMany(documents: T[], options: { ordered?: boolean } = {}): Promise<{ insertedCount: number }> {
    await this.ready();
    if (documents.length === 0) return { insertedCount: 0 };
    const ids: string[] = [];
    const docs: string[] = [];
    for (const document of documents) {
      const { _id, ...rest } = document as Record<string, unknown>;
      if (typeof _id !== 'string') throw new Error('documents need a string _id');
      ids.push(_id);
      docs.push(JSON.stringify(rest));
    }
    if (options.ordered === false) {
      const { rowCount } = await this.store.query(`INSERT INTO ${this.qualified} (id, doc) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT DO NOTHING`, [ids, docs]);
      const skipped = documents.length - (rowCount ?? 0);
      if (skipped > 0) throw Object.assign(new DuplicateKey(`E11000 duplicate key: ${skipped} of ${documents.length} documents`), { writeErrors: Array.from({ length: skipped }, () => ({ code: DUPLICATE_KEY })) });
      return { insertedCount: documents.length };
    }
    try {
      await this.store.query(`INSERT INTO ${this.qualified} (id, doc) SELECT * FROM unnest($1::text[], $2::jsonb[])`, [ids, docs]);
    } catch (error) {
      throw duplicateKeyOr(error);
    }
    return { insertedCount: documents.length };
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}) {
    await this.ready();
    const set = update.$set ?? {};
    const setsSomething = Object.keys(set).length + Object.keys(update.$inc ?? {}).length + Object.keys(update.$addToSet ?? {}).length > 0;
    let matched: boolean;
    if (!update.$inc && !update.$addToSet && Object.keys(set).every((path) => !path.includes('.'))) {
      // One statement: top-level fields merge into the document (the read models' refresh path).
      const params = new SqlParameters();
      const where = this.where(filter, params);
      const text = setsSomething
        ? `UPDATE ${this.qualified} SET doc = doc || ${params.add(JSON.stringify(set))}::jsonb WHERE id = (SELECT id FROM ${this.qualified} WHERE ${where} LIMIT 1 FOR UPDATE) RETURNING id`
        : `SELECT id FROM ${this.qualified} WHERE ${where} LIMIT 1`;
      matched = ((await this.store.query(text, params.values)).rowCount ?? 0) > 0;
    } else {
      matched = (await this.modifyOne(filter, update)) !== null;
    }
    if (matched) return { matchedCount: 1, modifiedCount: setsSomething ? 1 : 0, upsertedCount: 0 };
    if (!options.upsert) return { matchedCount: 0, modifiedCount: 0, upsertedCount: 0 };
    await this.insertOrCollide(applyUpdate(equalitiesOf(filter), update, true) as T);
    return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1 };
  }

  /**
   * One matching document (the first in `sort`) locked, updated in memory and written back in one
   * transaction: a second caller waits for the lock and then sees the new version (and, if it no
   * longer matches, nothing).
   */
  private modifyOne(filter: Filter, update: Update, sort?: SortSpec): Promise<{ before: T; after: T } | null> {
    return this.store.transaction(async (client) => {
      const params = new SqlParameters();
      const order = sort ? orderBy(sort, this.columnOf) : '';
      const { rows } = await client.query(`SELECT id, doc FROM ${this.qualified} WHERE ${this.where(filter, params)} ${order} LIMIT 1 FOR UPDATE`, params.values);
      if (rows.length === 0) return null;
      const { id, doc } = rows[0] as { id: string; doc: Record<string, unknown> };
      const encoded = JSON.stringify(applyUpdate(structuredClone(doc), update));
      await client.query(`UPDATE ${this.qualified} SET doc = $2::jsonb WHERE id = $1`, [id, encoded]);
      return { before: this.toDocument({ id, doc }), after: this.toDocument({ id, doc: JSON.parse(encoded) }) };
    });
  }

  async findOneAndUpdate<R = T>(filter: Filter, update: Update, options: FindOneAndUpdateOptions = {}): Promise<R | null> {
    await this.ready();
    const after = options.returnDocument === 'after';
    const changed = await this.modifyOne(filter, update, options.sort);
    if (changed) return (after ? changed.after : changed.before) as unknown as R;
    if (!options.upsert) return null;
    const { _id, ...created } = JSON.parse(JSON.stringify(applyUpdate(equalitiesOf(filter), update, true))) as Record<string, unknown>;
    await this.insertOne({ _id, ...created } as T);
    return after ? (this.toDocument({ id: _id as string, doc: created }) as unknown as R) : null;
  }

  async updateMany(filter: Filter, update: Update) {
    await this.ready();
    const set = update.$set ?? {};
    return this.store.transaction(async (client) => {
      const params = new SqlParameters();
      const { rows } = await client.query(`SELECT id, doc FROM ${this.qualified} WHERE ${this.where(filter, params)} FOR UPDATE`, params.values);
      const changes = Object.keys(set).length + Object.keys(update.$inc ?? {}).length + Object.keys(update.$addToSet ?? {}).length > 0;
      if (changes) {
        for (const row of rows) await client.query(`UPDATE ${this.qualified} SET doc = $2::jsonb WHERE id = $1`, [row.id, JSON.stringify(applyUpdate(row.doc, update))]);
      }
      return { matchedCount: rows.length, modifiedCount: changes ? rows.length : 0 };
    });
  }

  async deleteOne(filter: Filter) {
    await this.ready();
    const params = new SqlParameters();
    const { rowCount } = await this.store.query(
      `DELETE FROM ${this.qualified} WHERE id = (SELECT id FROM ${this.qualified} WHERE ${this.where(filter, params)} LIMIT 1 FOR UPDATE)`,
      params.values,
    );
    return { deletedCount: rowCount ?? 0 };
  }

  async deleteMany(filter: Filter = {}) {
    await this.ready();
    const params = new SqlParameters();
    const { rowCount } = await this.store.query(`DELETE FROM ${this.qualified} WHERE ${this.where(filter, params)}`, params.values);
    return { deletedCount: rowCount ?? 0 };
  }

  async createIndex(keys: Record<string, 1 | -1>, options: IndexOptions = {}): Promise<string> {
    await this.ready();
    const columns = indexColumns(keys, this.columnOf);
    // Named after what it indexes too: an index over other expressions (a field now in a column) is a new one.
    const name = `${this.table}_${(options.name ?? Object.keys(keys).join('_')).replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 54) + `_${createHash('sha256').update(columns).digest('hex').slice(0, 8)}`;
    await this.store
      .query(`CREATE ${options.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${quoteIdent(name)} ON ${this.qualified} (${columns})`)
      .catch((error) => {
        // Another process created it at the same moment.
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      });
    return name;
  }
}

/** The generated column of a path: `f_event__streamId`; a long path gets a hash to stay within 63 bytes. */
export function fieldColumn(path: string): string {
  const name = `f_${path.replace(/\./g, '__')}`;
  return name.length <= 63 ? name : `f_${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
}

/** The word-fragment column of a search path: `w8_searchKey` (hashed past 63 bytes, as fieldColumn). */
export function searchColumn(path: string): string {
  const name = `w${SEARCH_FRAGMENT_LENGTH}_${path.replace(/\./g, '__')}`;
  return name.length <= 63 ? name : `w${SEARCH_FRAGMENT_LENGTH}_${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
}

const ignoreCodes =
  (...codes: string[]) =>
  (error: unknown): void => {
    if (!codes.includes((error as { code?: string }).code ?? '')) throw error;
  };

function duplicateKeyOr(error: unknown): unknown {
  if ((error as { code?: string }).code === UNIQUE_VIOLATION) return new DuplicateKey(`E11000 duplicate key: ${(error as Error).message}`);
  return error;
}

class PostgresCursor<T> implements DocumentCursor<T> {
  constructor(
    private readonly collection: PostgresDocumentCollection<any>,
    private readonly filter: Filter,
    private options: FindOptions,
  ) {}

  sort(sort: SortSpec): DocumentCursor<T> {
    this.options = { ...this.options, sort };
    return this;
  }
  skip(skip: number): DocumentCursor<T> {
    this.options = { ...this.options, skip };
    return this;
  }
  limit(limit: number): DocumentCursor<T> {
    this.options = { ...this.options, limit };
    return this;
  }
  project<P>(projection: Projection): DocumentCursor<P> {
    this.options = { ...this.options, projection };
    return this as unknown as DocumentCursor<P>;
  }
  toArray(): Promise<T[]> {
    return this.collection.select(this.filter, this.options);
  }

  async close(): Promise<void> {
    await this.closeIteration?.();
  }

  private closeIteration?: () => Promise<void>;

  /**
   * A server-side cursor read batchSize documents (default 1,000) at a time, in the cursor's
   * order: a scan of the whole ledger costs one pass, not a growing OFFSET per page.
   */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const batch = this.options.batchSize ?? 1000;
    const iteration = await this.collection.openCursor(this.filter, this.options);
    this.closeIteration = iteration.close;
    try {
      for (;;) {
        const page = await iteration.next(batch);
        yield* page as T[];
        if (page.length < batch) return;
      }
    } finally {
      await iteration.close();
    }
  }
}
