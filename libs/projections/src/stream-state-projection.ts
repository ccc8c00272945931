import type { ReadModelStore } from '@nangsuat/read-models';
import { Decider, EventStorePort, fold, RecordedEvent } from '@nangsuat/event-store';
import { isDuplicateKey } from '@nangsuat/read-models';

/** Where a stream's query document stands: its stream id, version and the last change's who/when. */
export interface StreamDocumentContext {
  readonly streamId: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Unit of the record (the first event's metadata: the unit in force when it was made). */
  readonly unit: string;
}

export interface StreamStateProjectionOptions<S> {
  /** Names the projection (and its consumer): `<service>.<read model>`, e.g. `training.courses`. */
  readonly name: string;
  /** Collection of the read model in the service's own database. */
  readonly collection: string;
  /** Paths its lists filter and sort by, as index keys (MongoDB's createIndex form). */
  readonly indexes?: readonly Record<string, 1 | -1>[];
  /** Paths of the document holding arrays that filters match by element. */
  readonly arrays?: readonly string[];
  /** Other paths the lists filter or count on (the indexed ones are included anyway). */
  readonly fields?: readonly string[];
  /** Text fields searched by regular expression (`searchKey`). */
  readonly textSearch?: readonly string[];
  /** Streams this read model shows, by id prefix (`course-`). */
  readonly streamPrefix: string;
  readonly decider: Pick<Decider<unknown, any, S>, 'evolve' | 'initialState'>;
  /** The query document of a stream's state; null removes it (e.g. nothing to show). */
  readonly toDocument: (state: S, stream: StreamDocumentContext) => Record<string, unknown> | null;
}

/**
 * A read model holding one query document per stream: the stream's current state folded through
 * the domain's own evolve, written with a guard on the stream version. Applying an event re-reads
 * its stream, so the write is idempotent and order-independent — a repeated, late or out-of-order
 * delivery leaves the newest state in place — and a rebuild from the store converges with live
 * updates running at the same time.
 */
export class StreamStateProjection<S> {
  constructor(
    private readonly store: EventStorePort,
    private readonly readModels: ReadModelStore,
    readonly options: StreamStateProjectionOptions<S>,
  ) {}

  /** The read model's documents, for the queries that list them. */
  get documents() {
    const { arrays = [], fields = [], indexes = [], textSearch } = this.options;
    return this.readModels.collection<Record<string, any>>(this.options.collection, {
      arrays,
      textSearch,
      fields: [...new Set([...fields, ...arrays, ...indexes.flatMap((keys) => Object.keys(keys))])].filter((path) => path !== '_id'),
    });
  }

  /** Creates the declared indexes (idempotent). */
  async ensureIndexes(): Promise<void> {
    for (const keys of this.options.indexes ?? []) await this.documents.createIndex(keys);
  }

  get name(): string {
    return this.options.name;
  }

  handles(event: Pick<RecordedEvent, 'streamId'>): boolean {
    return event.streamId.startsWith(this.options.streamPrefix);
  }

  /**
   * Brings the stream's document up to date with the store (at least to this event). `stream`: the
   * whole stream as a command just committed it, folded instead of read again (the version guard
   * below keeps a newer document written meanwhile).
   */
  async apply(event: Pick<RecordedEvent, 'streamId'>, stream?: readonly RecordedEvent[]): Promise<void> {
    if (this.handles(event)) await this.refresh(event.streamId, stream);
  }

  async refresh(streamId: string, known?: readonly RecordedEvent[]): Promise<void> {
    const whole = known && known.length > 0 && known.every((e, i) => e.streamId === streamId && e.streamVersion === i + 1);
    const events = whole ? known : await this.store.readStream(streamId);
    if (events.length === 0) return;
    const first = events[0];
    const last = events[events.length - 1];
    const state = fold(this.options.decider, events as any[]);
    const context: StreamDocumentContext = {
      streamId,
      version: last.streamVersion,
      createdAt: first.recordedAt,
      updatedAt: last.recordedAt,
      updatedBy: last.metadata.actor.username,
      unit: first.metadata.unit,
    };
    const document = this.options.toDocument(state, context);
    const collection = this.documents;
    if (document === null) {
      await collection.deleteOne({ _id: streamId, _version: { $lte: last.streamVersion } });
      return;
    }
    try {
      await collection.updateOne(
        { _id: streamId, _version: { $lt: last.streamVersion } },
        { $set: { ...document, _version: last.streamVersion, _stream: context } },
        { upsert: true },
      );
    } catch (error) {
      // The document is already at this version or newer: the upsert's insert collided on _id.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Drops the read model and rebuilds it from the store; safe while live updates run. */
  async rebuild(): Promise<{ streams: number; events: number }> {
    await this.documents.deleteMany({});
    const streams = new Set<string>();
    let events = 0;
    let after = 0;
    for (;;) {
      const page = await this.store.readAll({ afterPosition: after, streamPrefix: this.options.streamPrefix, limit: 1000 });
      if (page.length === 0) break;
      for (const event of page) {
        events++;
        if (!streams.has(event.streamId)) {
          streams.add(event.streamId);
          await this.refresh(event.streamId);
        }
      }
      after = page[page.length - 1].globalPosition;
    }
    return { streams: streams.size, events };
  }
}
