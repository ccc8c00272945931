/**
 * A collection of query documents (read models, the audit ledger): the part of MongoDB's collection
 * API this platform uses, so that one query language serves both adapters — MongoDB itself, and
 * PostgreSQL, where each collection is a table of JSONB documents with real indexes (FerretDB 1.x
 * answers every filter by reading the whole collection; see docs/decisions/0008).
 *
 * Filters: equality on a (dotted) path, `$in`, `$ne`, `$gt`/`$gte`/`$lt`/`$lte`, `$exists`,
 * `$regex` (a string), `$and`, `$or`. Updates: `$set`, `$setOnInsert`, `$inc` and `$addToSet`.
 * Documents are keyed by a string `_id`.
 */
export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, 0 | 1>;

export interface FindOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  readonly limit?: number;
  readonly projection?: Projection;
  /** Documents fetched per round trip when the cursor is iterated. */
  readonly batchSize?: number;
}

export interface CountOptions {
  readonly limit?: number;
}

export interface DocumentCursor<T> extends AsyncIterable<T> {
  sort(sort: SortSpec): DocumentCursor<T>;
  skip(skip: number): DocumentCursor<T>;
  limit(limit: number): DocumentCursor<T>;
  project<P = T>(projection: Projection): DocumentCursor<P>;
  toArray(): Promise<T[]>;
  /** Ends an iteration early (frees what it holds). */
  close(): Promise<void>;
}

export interface Update {
  readonly $set?: Record<string, unknown>;
  readonly $setOnInsert?: Record<string, unknown>;
  /** Adds to a number (a missing field counts from 0). */
  readonly $inc?: Record<string, number>;
  /** Appends a value to an array unless it is there already. */
  readonly $addToSet?: Record<string, unknown>;
}

export interface FindOneAndUpdateOptions {
  /** The document as it was before the update, or as it is after (MongoDB's default: before). */
  readonly returnDocument?: 'before' | 'after';
  readonly upsert?: boolean;
  /** Which one, when several match. */
  readonly sort?: SortSpec;
}

export interface IndexOptions {
  readonly name?: string;
  readonly unique?: boolean;
}

export interface DocumentCollection<T extends object = Record<string, any>> {
  find<R = T>(filter?: Filter, options?: FindOptions): DocumentCursor<R>;
  findOne<R = T>(filter: Filter, options?: Pick<FindOptions, 'projection' | 'sort'>): Promise<R | null>;
  /**
   * How many documents match; with `limit`, counting stops there (MongoDB's own option), so a
   * list's count costs at most `limit` index entries however many documents match.
   */
  countDocuments(filter?: Filter, options?: CountOptions): Promise<number>;
  distinct(path: string, filter?: Filter): Promise<unknown[]>;
  /** A document whose `_id` (or unique index) is taken fails with `code: 11000`, as on MongoDB. */
  insertOne(document: T): Promise<unknown>;
  /**
   * Many documents in one round trip. `ordered: false`, as on MongoDB: every document whose key is
   * free is inserted, and the taken ones are reported afterwards (`writeErrors`, each code 11000).
   */
  insertMany(documents: T[], options?: { ordered?: boolean }): Promise<unknown>;
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<{ matchedCount: number; modifiedCount: number; upsertedCount: number }>;
  /**
   * Updates one matching document atomically and gives it back (before or after), or null when
   * none matched and no upsert was asked: a claim (`status: failed` → `sending`) that two processes
   * never both win.
   */
  findOneAndUpdate<R = T>(filter: Filter, update: Update, options?: FindOneAndUpdateOptions): Promise<R | null>;
  updateMany(filter: Filter, update: Update): Promise<{ matchedCount: number; modifiedCount: number }>;
  deleteOne(filter: Filter): Promise<{ deletedCount: number }>;
  deleteMany(filter?: Filter): Promise<{ deletedCount: number }>;
  createIndex(keys: Record<string, 1 | -1>, options?: IndexOptions): Promise<unknown>;
}

export interface CollectionOptions {
  /**
   * Paths holding arrays that filters match by element (`{ horizonYears: 2030 }` matches
   * `[2025, 2030]`, as MongoDB does): PostgreSQL must be told, to test containment there.
   */
  readonly arrays?: readonly string[];
  /** Fields (dotted paths too) holding a Date: stored as ISO text on PostgreSQL, given back as Date. */
  readonly dates?: readonly string[];
  /**
   * Paths the lists filter, sort or count on. PostgreSQL keeps each beside the document in a column
   * it computes itself (generated, stored), so that filtering and counting never unpack whole
   * documents and indexes on these paths are small (MongoDB needs nothing: its indexes suffice).
   */
  readonly fields?: readonly string[];
  /** Text fields searched by regular expression (`searchKey`): on PostgreSQL a trigram index serves them. */
  readonly textSearch?: readonly string[];
}

/** Where a service keeps its query documents; provided as READ_MODEL_STORE by ReadModelsModule. */
export interface ReadModelStore {
  readonly kind: 'postgres' | 'mongodb';
  collection<T extends object = Record<string, any>>(name: string, options?: CollectionOptions): DocumentCollection<T>;
  /** Ready to serve (PostgreSQL: reachable); for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');

/** MongoDB's duplicate-key error code, which both adapters raise for a taken `_id` or unique key. */
export const DUPLICATE_KEY = 11000;
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: unknown })?.code === DUPLICATE_KEY;
