import type { Producer } from 'kafkajs';
import { CommitDocument, CommitLogTailer, CommitNotice, EventStore, Leadership, toRecordedEvents } from '@nangsuat/event-store';
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
  /**
   * How often the relay also reads the store for commits it was not told about: other processes'
   * appends, what a crashed relay left. It reads at start and whenever a commit's predecessor is
   * unaccounted for, too. Default 5000 ms.
   */
  readonly sweepIntervalMs?: number;
  /** The checkpoint is saved at most this often (a crash republishes what came after it). Default 1000 ms. */
  readonly checkpointIntervalMs?: number;
  /**
   * How long a hole in the global positions may hold the checkpoint back before its positions are
   * claimed as void (the commit-log tailer's one hole policy, decision 0014). Default 10 s.
   */
  readonly gapTimeoutMs?: number;
  /** Back-off after a failed send or read, doubling up to maxRetryDelayMs. Defaults 200 / 5000 ms. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Commits kept in memory for the fast path; beyond this (Kafka down for long) the relay falls back to sweeping. Default 10,000. */
  readonly maxQueued?: number;
  readonly logger?: RelayLogger;
  /** Test seam: runs after Kafka acknowledged a batch and before it counts as published. */
  readonly afterPublish?: (commitIds: readonly number[]) => Promise<void> | void;
  /** Milliseconds clock, injectable so gap timeouts are tested without waiting. */
  readonly now?: () => number;
  /** A replica that does not lead asks again this often. Default 1000 ms. */
  readonly leadershipRetryMs?: number;
}

/**
 * Publishes committed events to Kafka in stream order (key = stream id), a topic per bounded
 * context. Commits are never modified: the relay saves a checkpoint — the global position up to
 * which everything is published — after Kafka's acknowledgement, so a crash means a second publish
 * of what came after the checkpoint (consumers are idempotent), never a lost event.
 *
 * Two paths, one order. The fast path takes the commits this process appends straight from the
 * store's notice, so an event reaches Kafka without a query (on FerretDB every query that is not
 * an `_id` lookup scans the collection, and bulk updates stall concurrent appends — marking each
 * commit put seconds between an append and its consumers). A commit goes out on the fast path only
 * once its stream's previous commit is published or queued ahead of it; otherwise it waits. The
 * sweep — at start, every `sweepIntervalMs`, and when a predecessor is unaccounted for — reads the
 * commits after the checkpoint through the commit-log tailer (the catch-up subscriptions' reader
 * too): in global order, which is stream order, contiguous positions only, and publishes what has
 * not been. At a hole the sweep stops until the hole fills; one that outlives `gapTimeoutMs` the
 * tailer claims with void markers (a slow writer then appends again elsewhere). Commits past a
 * hole appended in this process still go out on the fast path meanwhile.
 *
 * Leadership: with several replicas of a service, only the one holding the store's leadership
 * (an advisory lock on PostgreSQL, a lease on MongoDB) publishes; the others wait and take over
 * when it stops or dies. Their own appends reach the leader through the store (NOTIFY, sweeps).
 */
export class OutboxRelay {
  readonly topic: string;
  private running = false;
  private leading = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private unsubscribers: (() => void)[] = [];
  /** One publishing step at a time (the loop and publishPending may both run). */
  private turn: Promise<unknown> = Promise.resolve();

  /** Everything at or below is published; undefined until read from the store. */
  private position?: number;
  private savedPosition?: number;
  /** Published (or void) commits above `position`: first position → last position. */
  private readonly doneAbove = new Map<number, number>();
  private readonly doneEnds = new Set<number>();
  /** Commits ready to publish, in the order they were appended. */
  private readonly queue: CommitDocument[] = [];
  /** Last global position per stream that is in `queue`, so the stream's next commit may follow it. */
  private readonly queuedEnd = new Map<string, number>();
  /** Commits waiting for their stream's previous commit, by that commit's last position. */
  private readonly waiting = new Map<number, CommitDocument>();
  private sweepDue = true;
  private sweeping?: Promise<number>;
  private readonly tailer: CommitLogTailer;
  private saveTimer?: NodeJS.Timeout;
  private saving?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.topic = options.topic ?? eventsTopic(store.boundedContext);
    this.tailer = new CommitLogTailer(store, { name: `outbox relay to ${this.topic}`, gapTimeoutMs: options.gapTimeoutMs, now: options.now, logger: options.logger });
  }

  private get checkpointId(): string {
    return `relay:${this.topic}`;
  }

  /**
   * Starts publishing (idempotent) once this replica leads: one relay per bounded context publishes
   * at a time, and another replica's takes over when the leader stops or dies. The producer must
   * be connected or connectable.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.lead();
  }

  /** Whether this relay holds the leadership and publishes. */
  get isLeader(): boolean {
    return this.leading;
  }

  /** Stops after the step in flight and saves the checkpoint. What is left goes out next time. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.nudge();
    await this.loop;
  }

  /** Waits for the leadership, publishes while it lasts, and waits again if it is lost. */
  private async lead(): Promise<void> {
    while (this.running) {
      let leadership: Leadership | undefined;
      try {
        leadership = await this.store.acquireLeadership(this.checkpointId);
      } catch (error) {
        this.options.logger?.warn(`outbox relay to ${this.topic}: could not ask for the leadership: ${(error as Error).message}`);
      }
      if (!leadership) {
        await this.sleep(this.options.leadershipRetryMs ?? 1000);
        continue;
      }
      this.leading = true;
      let lost = false;
      void leadership.lost.then(() => {
        lost = true;
        this.leading = false;
        this.nudge();
      });
      this.sweepDue = true;
      this.unsubscribers = [
        this.store.onCommitted((notice) => this.accept(notice)),
        // Another process committed (PostgreSQL's NOTIFY): sweep now rather than at the next interval.
        ...(this.store.watchCommits ? [this.store.watchCommits(() => ((this.sweepDue = true), this.nudge()))] : []),
      ];
      await this.run();
      for (const unsubscribe of this.unsubscribers) unsubscribe();
      this.unsubscribers = [];
      await this.sweeping?.catch(() => undefined);
      await this.turn;
      // A relay that lost the leadership leaves the checkpoint to the new leader.
      if (!lost) await this.saveCheckpoint().catch((error: Error) => this.options.logger?.warn(`outbox relay to ${this.topic}: saving the checkpoint on stop failed: ${error.message}`));
      this.forget();
      this.leading = false;
      await leadership.release();
    }
  }

  /** Drops what this relay knew: a relay that leads again starts from the saved checkpoint. */
  private forget(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.position = this.savedPosition = undefined;
    this.doneAbove.clear();
    this.doneEnds.clear();
    this.queue.length = 0;
    this.queuedEnd.clear();
    this.waiting.clear();
    this.tailer.forget();
  }

  /** Wakes the loop sooner than its next sweep. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Publishes everything not yet published and saves the checkpoint. Returns the number of events published. */
  async publishPending(): Promise<number> {
    await this.sweeping?.catch(() => undefined); // a sweep under way may have started before the latest commits
    let total = await this.startSweep();
    while (this.queue.length) total += await this.exclusive(() => this.publishQueued());
    await this.saveCheckpoint();
    return total;
  }

  /** Commits (not void) after the saved checkpoint: what a relay starting now would publish (again). */
  async backlog(): Promise<number> {
    const saved = (await this.store.checkpoints.load(this.checkpointId))?.position ?? 0;
    return this.store.countCommits(saved);
  }

  /** The store's notice of a commit this process just appended: the fast path. */
  private accept({ commit, previousPosition }: CommitNotice): void {
    if (this.position !== undefined && commit.void) {
      this.done([commit]); // positions given up: nothing to publish, nothing to wait for
      return;
    }
    if (commit.void || commit.events.length === 0 || this.position === undefined) {
      this.sweepDue = true; // not started yet: the first sweep reads it
    } else if (this.queue.length + this.waiting.size >= (this.options.maxQueued ?? 10_000)) {
      this.sweepDue = true; // the sweep will find it in the store
    } else if (previousPosition === undefined || this.isDone(previousPosition) || this.queuedEnd.get(commit.streamId) === previousPosition) {
      this.enqueue(commit);
    } else {
      this.waiting.set(previousPosition, commit);
      this.sweepDue = true; // the previous commit may be another process's or a crashed relay's
    }
    this.nudge();
  }

  private enqueue(commit: CommitDocument): void {
    this.queue.push(commit);
    this.queuedEnd.set(commit.streamId, commit.lastPosition);
  }

  /** Whether the commit ending at this position is published. */
  private isDone(lastPosition: number): boolean {
    return lastPosition <= (this.position ?? 0) || this.doneEnds.has(lastPosition);
  }

  /** Records published (or void) commits, releases what waited for them and advances the checkpoint. */
  private done(commits: readonly CommitDocument[]): void {
    for (const commit of commits) {
      if (commit._id <= this.position! || this.doneAbove.has(commit._id)) continue;
      this.doneAbove.set(commit._id, commit.lastPosition);
      this.doneEnds.add(commit.lastPosition);
      if (this.queuedEnd.get(commit.streamId) === commit.lastPosition) this.queuedEnd.delete(commit.streamId);
      this.release(commit.lastPosition);
    }
    let position = this.position!;
    for (let last = this.doneAbove.get(position + 1); last !== undefined; last = this.doneAbove.get(position + 1)) {
      this.doneAbove.delete(position + 1);
      this.doneEnds.delete(last);
      position = last;
    }
    if (position !== this.position) {
      this.position = position;
      for (const previous of [...this.waiting.keys()]) if (previous <= position) this.release(previous);
      this.scheduleSave();
    }
  }

  private release(previousPosition: number): void {
    const next = this.waiting.get(previousPosition);
    if (!next) return;
    this.waiting.delete(previousPosition);
    this.enqueue(next);
  }

  private async send(commits: readonly CommitDocument[]): Promise<number> {
    const events = commits.flatMap(toRecordedEvents);
    if (events.length) await this.producer.send({ topic: this.topic, acks: -1, messages: events.map(eventToMessage) });
    await this.options.afterPublish?.(commits.map((c) => c._id));
    this.done(commits);
    return events.length;
  }

  /** Publishes the head of the queue (skipping what a sweep already published). */
  private async publishQueued(): Promise<number> {
    const batch = this.queue.slice(0, this.options.batchSize ?? 200);
    const unsent = batch.filter((c) => !this.isDone(c.lastPosition));
    const count = unsent.length ? await this.send(unsent) : 0;
    this.queue.splice(0, batch.length);
    return count;
  }

  /** One sweep at a time; the fast path goes on meanwhile. */
  private startSweep(): Promise<number> {
    this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /**
   * Reads the commits after the checkpoint through the tailer and publishes those not yet
   * published; void markers count as done.
   *
   * Only the sends take turns with the fast path, not the reads. Interleaving keeps stream order:
   * the fast path sends a commit only after its predecessor is done or queued ahead of it, so what
   * the sweep adds is at worst a later duplicate, which consumers skip.
   */
  private async sweep(): Promise<number> {
    this.sweepDue = false;
    this.position ??= this.savedPosition = (await this.store.checkpoints.load(this.checkpointId))?.position ?? 0;
    let total = 0;
    await this.tailer.tail(this.position, this.options.batchSize ?? 200, async (page) => {
      total += await this.exclusive(async () => {
        const unsent = page.filter((c) => !c.void && !this.isDone(c.lastPosition));
        const sent = unsent.length ? await this.send(unsent) : 0;
        this.done(page.filter((c) => c.void));
        return sent;
      });
    });
    return total;
  }

  private scheduleSave(): void {
    if (this.saveTimer || this.saving) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saving = this.saveCheckpoint()
        .catch((error: Error) => this.options.logger?.warn(`outbox relay to ${this.topic}: saving the checkpoint failed: ${error.message}`))
        .finally(() => {
          this.saving = undefined;
          if (this.position !== this.savedPosition) this.scheduleSave();
        });
    }, this.options.checkpointIntervalMs ?? 1000);
  }

  /** One write to one document (by its string `_id`): cheap on every store. */
  private async saveCheckpoint(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.saving;
    const position = this.position;
    if (position === undefined || position === this.savedPosition) return;
    await this.store.checkpoints.save(this.checkpointId, position);
    this.savedPosition = position;
  }

  private exclusive<T>(step: () => Promise<T>): Promise<T> {
    const result = this.turn.then(step);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async run(): Promise<void> {
    const retryDelay = this.options.retryDelayMs ?? 200;
    const sweepInterval = this.options.sweepIntervalMs ?? 5000;
    let delay = retryDelay;
    let nextSweep = 0;
    while (this.running && this.leading) {
      try {
        if ((this.sweepDue || Date.now() >= nextSweep) && !this.sweeping) {
          nextSweep = Date.now() + sweepInterval;
          this.startSweep().then(
            () => this.nudge(),
            (error: Error) => {
              this.options.logger?.warn(`outbox relay to ${this.topic}: sweep failed: ${error.message}; again in ${retryDelay} ms`);
              nextSweep = Date.now() + retryDelay;
            },
          );
        }
        if (this.queue.length) {
          await this.exclusive(() => this.publishQueued());
        } else {
          await this.sleep(nextSweep - Date.now());
        }
        delay = retryDelay;
      } catch (error) {
        this.options.logger?.warn(`outbox relay to ${this.topic}: ${(error as Error).message}; retrying in ${delay} ms`);
        await this.sleep(delay, false);
        delay = Math.min(delay * 2, this.options.maxRetryDelayMs ?? 5000);
      }
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
      const timer = setTimeout(done, Math.max(0, ms));
      // stop() always wakes the loop; appends only when idle, not during a back-off.
      this.wake = interruptible ? done : () => (this.running ? undefined : done());
    });
  }
}
