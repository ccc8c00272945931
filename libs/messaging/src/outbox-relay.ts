import type { Producer } from 'kafkajs';
import { CommitDocument, MongoEventStore, toRecordedEvents } from '@nangsuat/event-store';
import { eventToMessage } from './kafka-message';
import { eventsTopic } from './topics';

export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface OutboxRelayOptions {
  /** Default `nangsuat.<boundedContext>.events`. */
  readonly topic?: string;
  /** Commits per Kafka send. Default 200. */
  readonly batchSize?: number;
  /** Polling interval when idle; an append nudges the relay sooner. Default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Back-off after a failed send or mark, doubling up to maxRetryDelayMs. Defaults 200 / 5000 ms. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  readonly logger?: RelayLogger;
  /** Test seam: runs after Kafka acknowledged a batch and before it is marked published. */
  readonly afterPublish?: (commitIds: readonly number[]) => Promise<void> | void;
}

/**
 * Publishes committed, not yet published events to Kafka, in global order (hence stream order: a
 * stream's later commit always has higher positions), then marks their commits published. The
 * mark comes after Kafka's acknowledgement, so a crash in between means a second publish of the
 * same events (consumers are idempotent), never a lost one.
 *
 * One relay per bounded context is enough; two running at once only duplicate deliveries.
 */
export class OutboxRelay {
  readonly topic: string;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: MongoEventStore,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.topic = options.topic ?? eventsTopic(store.boundedContext);
  }

  /** Starts the poll loop (idempotent). The producer must be connected or connectable. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.onCommitted(() => this.nudge());
    this.loop = this.run();
  }

  /** Stops after the batch in flight (which is then published and marked, or left for next time). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.unsubscribe?.();
    this.nudge();
    await this.loop;
  }

  /** Publishes sooner than the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** One pass: publishes and marks batches until nothing is pending. Returns the number of events published. */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published === 0) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    const commits: CommitDocument[] = await this.store.commits
      .find({ published: false }, { sort: { _id: 1 }, limit: this.options.batchSize ?? 200 })
      .toArray();
    if (commits.length === 0) return 0;
    const events = commits.flatMap(toRecordedEvents);
    const ids = commits.map((c) => c._id);
    if (events.length) await this.producer.send({ topic: this.topic, acks: -1, messages: events.map(eventToMessage) });
    await this.options.afterPublish?.(ids);
    await this.store.commits.updateMany({ _id: { $in: ids } }, { $set: { published: true, publishedAt: new Date() } });
    return Math.max(events.length, 1);
  }

  private async run(): Promise<void> {
    let delay = this.options.retryDelayMs ?? 200;
    while (this.running) {
      let idle = true;
      try {
        idle = (await this.publishBatch()) === 0;
        delay = this.options.retryDelayMs ?? 200;
      } catch (error) {
        this.options.logger?.warn(`outbox relay to ${this.topic}: ${(error as Error).message}; retrying in ${delay} ms`);
        await this.sleep(delay, false);
        delay = Math.min(delay * 2, this.options.maxRetryDelayMs ?? 5000);
        continue;
      }
      if (idle) await this.sleep(this.options.pollIntervalMs ?? 250);
    }
  }

  /** Sleeps until the timeout or (when interruptible) a nudge, whichever comes first. */
  private sleep(ms: number, interruptible = true): Promise<void> {
    if (!this.running || (interruptible && this.nudged)) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.nudged = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      // stop() always wakes the loop; appends only when idle, not during a back-off.
      this.wake = interruptible ? done : () => (this.running ? undefined : done());
    });
  }
}
