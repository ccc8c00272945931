import { ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, context, defaultTextMapGetter, propagation, trace } from '@opentelemetry/api';
import type { EachMessagePayload, IHeaders, KafkaMessage, Producer } from 'kafkajs';
import type { DocumentCollection, ReadModelStore } from '@nangsuat/read-models';
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { headersAsStrings, valueAsText } from './kafka-message';
import { Headers, deadLetterTopic } from './topics';
import { isDuplicateKey } from '@nangsuat/read-models';

export interface ConsumedEventContext {
  readonly consumer: string;
  readonly topic: string;
  readonly partition?: number;
  readonly offset?: string;
  /** 1 for the first try. */
  readonly attempt: number;
  /** The consumer span; it continues the producer's trace. */
  readonly span: Span;
}

export type EventHandler = (event: RecordedEvent, ctx: ConsumedEventContext) => Promise<void> | void;

export type HandleOutcome = 'processed' | 'duplicate' | 'dead-lettered';

export interface IdempotentConsumerOptions {
  /** Processed event ids are remembered per consumer name (e.g. `plans.target-progress`). */
  readonly consumer: string;
  /** Where the consumer service keeps its documents (receipts and processed-id records). */
  readonly documents: ReadModelStore;
  /** Used to send to the dead-letter topic. */
  readonly producer: Producer;
  /** Tries before a message goes to the dead-letter topic. Default 5. */
  readonly maxAttempts?: number;
  /** Back-off between tries: initial, doubling up to max. Defaults 100 / 5000 ms. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Default `<topic>.dlq`. */
  readonly deadLetterTopic?: (topic: string) => string;
  /** Collection for processed ids. Default `processed_events`. */
  readonly collection?: string;
  /**
   * Processed-id records are written together, at most this long after their handler succeeded
   * (one write for many messages instead of one each). Default 50 ms.
   */
  readonly saveProcessedAfterMs?: number;
  /** E.g. the consumer's upcasters, so old events reach the handler in the newest shape. */
  readonly upcast?: (event: RecordedEvent) => RecordedEvent;
  readonly logger?: { warn(message: string): void; error(message: string): void };
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Anything that looks like a received Kafka message: kafkajs's eachMessage payload or Nest's KafkaContext args. */
export interface IncomingMessage {
  readonly topic: string;
  readonly partition?: number;
  readonly message: Pick<KafkaMessage, 'value' | 'headers'> & { readonly key?: Buffer | string | null; readonly offset?: string };
}

interface ProcessedRecord {
  _id: string;
  consumer: string;
  eventId: string;
  status: 'processed' | 'dead-lettered';
  at: Date;
  error?: string;
}

class PoisonMessage extends Error {}

const tracer = trace.getTracer('@nangsuat/messaging');

/**
 * Wraps an event handler so that at-least-once delivery has an exactly-once effect, retries with
 * back-off, and sends what still fails after N tries to the dead-letter topic with the error; the
 * consumer then carries on with the next message.
 *
 * Without transactions "exactly once" needs the handler's write to be idempotent by itself: write
 * projections keyed by event id, or use `applyOnce` (records the event id in the same document
 * write). Each message is first checked against the processed-id records (see `processedBefore`);
 * the processed-id records are written after their handlers succeeded, batched (see
 * `saveProcessedAfterMs`). A crash before they are written means those handlers run again on
 * redelivery and their idempotent writes change nothing. Ids handled by this process are also
 * remembered in memory, so a redelivery is recognised before its record is written.
 */
export class IdempotentConsumer {
  private indexesReady?: Promise<unknown>;
  /** Record ids this process handled (bounded; the collection is the lasting record). */
  private readonly recent = new Set<string>();
  private unsaved: ProcessedRecord[] = [];
  private saveTimer?: NodeJS.Timeout;
  private saving?: Promise<void>;
  private saveDelay: number;

  constructor(private readonly options: IdempotentConsumerOptions) {
    this.saveDelay = options.saveProcessedAfterMs ?? 50;
  }

  /** Writes the processed-id records not yet written (call before shutting down; tests). */
  async flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saving;
    await this.save();
  }

  private get processed(): DocumentCollection<ProcessedRecord> {
    return this.options.documents.collection<ProcessedRecord>(this.options.collection ?? 'processed_events', { dates: ['at'], fields: ['consumer', 'eventId'] });
  }

  /** One document per message received, inserted before handling: its unique `_id` is the duplicate check. */
  private get received(): DocumentCollection<{ _id: string; at: Date }> {
    return this.options.documents.collection<{ _id: string; at: Date }>(`${this.options.collection ?? 'processed_events'}_received`, { dates: ['at'] });
  }

  /** For a plain kafkajs consumer: `consumer.run({ eachMessage: wrapper.eachMessage(handler) })`. */
  eachMessage(handler: EventHandler): (payload: EachMessagePayload) => Promise<void> {
    return async (payload) => {
      await this.handle(payload, handler);
    };
  }

  /**
   * For a Nest `@EventPattern(topic)` handler in a hybrid app:
   *   handle(@Ctx() ctx: KafkaContext) { return this.consumer.handleKafkaContext(ctx, (event) => ...); }
   */
  handleKafkaContext(ctx: { getMessage(): unknown; getTopic(): string; getPartition(): number }, handler: EventHandler): Promise<HandleOutcome> {
    return this.handle({ topic: ctx.getTopic(), partition: ctx.getPartition(), message: ctx.getMessage() as IncomingMessage['message'] }, handler);
  }

  async handle(incoming: IncomingMessage, handler: EventHandler): Promise<HandleOutcome> {
    this.indexesReady ??= this.processed.createIndex({ consumer: 1, eventId: 1 }, { unique: true });
    await this.indexesReady;
    const headers = headersAsStrings(incoming.message.headers as Record<string, Buffer | string | undefined>);
    const parent = propagation.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    const span = tracer.startSpan(
      `${incoming.topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': incoming.topic,
          'messaging.consumer.group.name': this.options.consumer,
          'messaging.message.id': headers[Headers.eventId] ?? '',
        },
      },
      parent,
    );
    try {
      return await context.with(trace.setSpan(parent, span), () => this.process(incoming, headers, handler, span));
    } finally {
      span.end();
    }
  }

  private async process(incoming: IncomingMessage, headers: Record<string, string>, handler: EventHandler, span: Span): Promise<HandleOutcome> {
    let event: RecordedEvent;
    try {
      event = parseEvent(incoming.message.value);
    } catch (error) {
      await this.deadLetter(incoming, error as Error, 1, headers);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      return 'dead-lettered';
    }
    const recordId = `${this.options.consumer}:${event.id}`;
    if (this.recent.has(recordId)) return 'duplicate';
    if (await this.processedBefore(recordId)) return 'duplicate';
    if (this.options.upcast) event = this.options.upcast(event);

    const maxAttempts = this.options.maxAttempts ?? 5;
    let backoff = this.options.initialBackoffMs ?? 100;
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event, { consumer: this.options.consumer, topic: incoming.topic, partition: incoming.partition, offset: incoming.message.offset, attempt, span });
        this.remember(recordId, event.id, 'processed');
        return 'processed';
      } catch (error) {
        span.recordException(error as Error);
        if (attempt >= maxAttempts) {
          await this.deadLetter(incoming, error as Error, attempt, headers);
          this.remember(recordId, event.id, 'dead-lettered', (error as Error).message);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          return 'dead-lettered';
        }
        this.options.logger?.warn(`${this.options.consumer}: event ${event.id} failed (attempt ${attempt}/${maxAttempts}): ${(error as Error).message}`);
        await (this.options.sleep ?? sleep)(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 5000);
      }
    }
  }

  /**
   * Whether a processed record says this message was handled before. Only the processed record
   * decides: a message received before but without one was not finished, and is handled again
   * (handlers are idempotent).
   *
   * On PostgreSQL that is a primary-key lookup, a read: no write, so no WAL flush waits in front of
   * every message (a receipt insert cost 2 ms at p50 and 18 ms at p99 per message in
   * `npm run bench:event-store`, and a partition's messages wait on each other's). On MongoDB the
   * check is a receipt insert first, answered by the unique `_id` index, and the lookup only for a
   * message seen before: FerretDB answers a lookup that finds nothing (every new message) by reading
   * the whole collection.
   */
  private async processedBefore(recordId: string): Promise<boolean> {
    if (this.options.documents.kind === 'postgres') return (await this.processed.findOne({ _id: recordId }, { projection: { _id: 1 } })) !== null;
    return !(await this.firstReceipt(recordId)) && (await this.processed.findOne({ _id: recordId }, { projection: { _id: 1 } })) !== null;
  }

  private async firstReceipt(recordId: string): Promise<boolean> {
    try {
      await this.received.insertOne({ _id: recordId, at: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  private remember(id: string, eventId: string, status: ProcessedRecord['status'], error?: string): void {
    this.recent.add(id);
    if (this.recent.size > 50_000) this.recent.delete(this.recent.values().next().value!);
    this.unsaved.push({ _id: id, consumer: this.options.consumer, eventId, status, at: new Date(), ...(error ? { error } : {}) });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer || this.saving || this.unsaved.length === 0) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saving = this.save()
        .then(() => {
          this.saveDelay = this.options.saveProcessedAfterMs ?? 50;
        })
        .catch((error: Error) => {
          this.saveDelay = Math.min(this.saveDelay * 2, this.options.maxBackoffMs ?? 5000);
          this.options.logger?.warn(`${this.options.consumer}: saving processed ids failed: ${error.message}; retrying in ${this.saveDelay} ms`);
        })
        .finally(() => {
          this.saving = undefined;
          this.scheduleSave();
        });
    }, this.saveDelay);
    this.saveTimer.unref?.();
  }

  private async save(): Promise<void> {
    const batch = this.unsaved;
    if (batch.length === 0) return;
    this.unsaved = [];
    try {
      await this.processed.insertMany(batch, { ordered: false });
    } catch (e) {
      // Ids already recorded (by another instance, or an earlier life of this one) are fine.
      const errors = (e as { writeErrors?: { code?: number }[] }).writeErrors;
      if (errors ? errors.every(isDuplicateKey) : isDuplicateKey(e)) return;
      this.unsaved = [...batch, ...this.unsaved];
      throw e;
    }
  }

  private async deadLetter(incoming: IncomingMessage, error: Error, attempts: number, headers: Record<string, string>): Promise<void> {
    const topic = (this.options.deadLetterTopic ?? deadLetterTopic)(incoming.topic);
    const dlqHeaders: IHeaders = {
      ...headers,
      [Headers.error]: error.message,
      [Headers.errorStack]: (error.stack ?? '').slice(0, 4000),
      [Headers.attempts]: String(attempts),
      [Headers.consumer]: this.options.consumer,
      [Headers.originalTopic]: incoming.topic,
      [Headers.originalPartition]: String(incoming.partition ?? ''),
      [Headers.originalOffset]: String(incoming.message.offset ?? ''),
    };
    const key = incoming.message.key ?? null;
    await this.options.producer.send({ topic, acks: -1, messages: [{ key, value: valueAsText(incoming.message.value) ?? null, headers: dlqHeaders }] });
    this.options.logger?.error(`${this.options.consumer}: message from ${incoming.topic} sent to ${topic} after ${attempts} attempt(s): ${error.message}`);
  }
}

function parseEvent(value: unknown): RecordedEvent {
  const text = valueAsText(value);
  if (text === undefined) throw new PoisonMessage('empty message');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PoisonMessage(`not JSON: ${(error as Error).message}`);
  }
  const event = parsed as Partial<RecordedEvent>;
  if (typeof event !== 'object' || event === null || typeof event.id !== 'string' || typeof event.type !== 'string' || typeof event.streamId !== 'string') {
    throw new PoisonMessage('not a recorded event (id, type and streamId are required)');
  }
  return event as RecordedEvent;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
