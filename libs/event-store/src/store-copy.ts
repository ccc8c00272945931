import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { canonicalJson, Conflict, hashEvent } from '@nangsuat/event-sourcing';
import { CommitDocument, toRecordedEvents } from './commit';
import { MongoEventStore } from './mongo-event-store';
import { EventStore } from './ports';
import { PostgresEventStore } from './postgres/postgres-event-store';

export interface StoreCopyProgress {
  readonly commits: number;
  readonly events: number;
  readonly position: number;
}

/** What two stores hold, compared commit by commit in global order. */
export interface StoreComparison {
  readonly identical: boolean;
  readonly source: StoreSummary;
  readonly target: StoreSummary;
  /** The first commit that differs (or is missing on one side). */
  readonly firstDifference?: { readonly position: number; readonly reason: string };
  /** Events whose hash chain does not hold in the target (edited, missing or reordered). */
  readonly brokenChains: readonly { readonly streamId: string; readonly streamVersion: number; readonly eventId: string; readonly reason: string }[];
}

export interface StoreSummary {
  readonly commits: number;
  readonly voidPositions: number;
  readonly events: number;
  readonly lastPosition: number;
  /** SHA-256 over every commit's canonical form in global order: equal digests, equal stores. */
  readonly digest: string;
}

export interface StoreCopyReport {
  readonly copied: StoreCopyProgress;
  readonly verification: StoreComparison;
}

/**
 * Copies a whole store into an empty one of any adapter, keeping event ids, stream versions, global
 * positions, metadata, recording times and hashes, then compares the two from scratch. Stop the
 * service first: appends made during the copy would not be in the target.
 */
export async function copyEventStore(
  source: EventStore,
  target: EventStore,
  options: { readonly batchSize?: number; readonly onProgress?: (progress: StoreCopyProgress) => void } = {},
): Promise<StoreCopyReport> {
  await Promise.all([source.ensureReady(), target.ensureReady()]);
  const [firstInTarget] = await target.readCommits(0, 1);
  if (firstInTarget) throw new Conflict('The target store is not empty: copy into a new database or schema.', 'target-not-empty');
  const batchSize = options.batchSize ?? 500;
  let batch: CommitDocument[] = [];
  const progress = { commits: 0, events: 0, position: 0 };
  const flush = async () => {
    await target.importCommits(batch);
    for (const commit of batch) {
      progress.commits++;
      progress.events += commit.events.length;
      progress.position = commit.lastPosition;
    }
    batch = [];
    options.onProgress?.({ ...progress });
  };
  for await (const commit of source.commitsAfter(0, batchSize)) {
    batch.push(commit);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return { copied: progress, verification: await compareEventStores(source, target, batchSize) };
}

/** Compares two stores commit by commit in global order and re-verifies every hash chain of the second. */
export async function compareEventStores(source: EventStore, target: EventStore, batchSize = 500): Promise<StoreComparison> {
  const left = new LogWalker(source.commitsAfter(0, batchSize));
  const right = new LogWalker(target.commitsAfter(0, batchSize));
  const chains = new ChainCheck();
  let firstDifference: StoreComparison['firstDifference'];
  for (;;) {
    const [a, b] = await Promise.all([left.next(), right.next()]);
    if (!a && !b) break;
    if (b) chains.check(b.commit);
    if (firstDifference) continue;
    if (!a || !b) firstDifference = { position: (a ?? b)!.commit._id, reason: a ? 'missing in the target' : 'not in the source' };
    else if (a.commit._id !== b.commit._id) firstDifference = { position: Math.min(a.commit._id, b.commit._id), reason: 'the commits are at different positions' };
    else if (a.canonical !== b.canonical) firstDifference = { position: a.commit._id, reason: 'the commits differ' };
  }
  const summaries = [left.summary(), right.summary()];
  return {
    identical: !firstDifference && chains.broken.length === 0 && summaries[0].digest === summaries[1].digest,
    source: summaries[0],
    target: summaries[1],
    ...(firstDifference ? { firstDifference } : {}),
    brokenChains: chains.broken,
  };
}

/** One store's commit log, one commit at a time, with its running digest and counts. */
class LogWalker {
  private readonly iterator: AsyncIterator<CommitDocument>;
  private readonly hash = createHash('sha256');
  private commits = 0;
  private voids = 0;
  private events = 0;
  private lastPosition = 0;

  constructor(log: AsyncIterable<CommitDocument>) {
    this.iterator = log[Symbol.asyncIterator]();
  }

  async next(): Promise<{ commit: CommitDocument; canonical: string } | undefined> {
    const { value, done } = await this.iterator.next();
    if (done) return undefined;
    const commit = value;
    const canonical = canonicalJson({
      position: commit._id,
      lastPosition: commit.lastPosition,
      streamId: commit.streamId,
      void: commit.void === true,
      commandId: commit.commandId,
      events: commit.void ? [] : toRecordedEvents(commit),
    });
    this.hash.update(canonical).update('\n');
    if (commit.void) this.voids += commit.lastPosition - commit._id + 1;
    else this.commits++;
    this.events += commit.events.length;
    this.lastPosition = commit.lastPosition;
    return { commit, canonical };
  }

  summary(): StoreSummary {
    return { commits: this.commits, voidPositions: this.voids, events: this.events, lastPosition: this.lastPosition, digest: this.hash.digest('hex') };
  }
}

/** Verifies every stream's hash chain while the log is read once, in global order. */
class ChainCheck {
  readonly broken: StoreComparison['brokenChains'][number][] = [];
  private readonly heads = new Map<string, { version: number; hash: string }>();

  check(commit: CommitDocument): void {
    if (commit.void) return;
    for (const event of toRecordedEvents(commit)) {
      const head = this.heads.get(event.streamId) ?? { version: 0, hash: '' };
      const fail = (reason: string) => this.broken.push({ streamId: event.streamId, streamVersion: event.streamVersion, eventId: event.id, reason });
      if (event.streamVersion !== head.version + 1) fail(`expected version ${head.version + 1}`);
      else if (hashEvent(event) !== event.hash) fail('content does not match its hash (edited)');
      else if (event.prevHash !== head.hash) fail('previous hash does not match the preceding event');
      this.heads.set(event.streamId, { version: event.streamVersion, hash: event.hash });
    }
  }
}

/**
 * Opens a store by URL for tools: `postgres://…` (the schema `name`) or `mongodb://…` (the database
 * `name`, commits in its `events` collection). `close` releases what it opened.
 */
export async function openEventStoreByUrl(url: string, name: string, boundedContext: string): Promise<{ store: EventStore; close: () => Promise<void> }> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const store = PostgresEventStore.connect(url, { boundedContext, schema: name });
    return { store, close: () => store.close() };
  }
  if (/^mongodb(\+srv)?:\/\//.test(url)) {
    const connection = await mongoose.createConnection(url, { dbName: name, serverSelectionTimeoutMS: 5000 }).asPromise();
    return { store: new MongoEventStore(connection, { boundedContext }), close: () => connection.close() };
  }
  throw new Error(`"${url}" is neither a PostgreSQL (postgres://…) nor a MongoDB (mongodb://…) connection string`);
}
