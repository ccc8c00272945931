import { toRecordedEvents } from './commit';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { EventStore } from './ports';

export interface CatchUpSubscriptionOptions {
  /** Names the checkpoint; one per projection. */
  readonly name: string;
  readonly handler: (event: RecordedEvent) => Promise<void> | void;
  readonly types?: readonly string[];
  readonly streamPrefix?: string;
  /** Commits per cursor batch, and between checkpoint saves. Default 500. */
  readonly batchSize?: number;
  /** Idle wait between polls of the running loop. Default 200 ms. */
  readonly pollIntervalMs?: number;
  /**
   * How long a hole in the global positions is waited for before it is skipped. Holes are normally
   * filled within milliseconds (a commit in flight, or a void marker written by a failed append);
   * only a writer that died between allocating and inserting leaves one for good. Default 60 s.
   */
  readonly gapTimeoutMs?: number;
  /** Milliseconds clock, injectable so gap timeouts are tested without waiting. */
  readonly now?: () => number;
  readonly logger?: { warn(message: string): void; error(message: string): void };
}

export interface PollResult {
  readonly handled: number;
  readonly position: number;
  /** The first missing global position when the poll stopped to wait for it. */
  readonly waitingFor?: number;
}

/**
 * A checkpointed catch-up subscription over the whole store, in global order, for building and
 * rebuilding projections. Global positions are allocated before their commit is inserted, so a
 * commit can appear after one with a higher position; reading "everything after the checkpoint"
 * would then skip it for ever (what Marten users hit in async projections). This subscription
 * only advances over contiguous positions: at a hole it waits until the commit (or a void
 * marker) arrives, and skips a hole only after `gapTimeoutMs`, logging it and keeping it on the
 * checkpoint for audit. Delivery is at least once: handlers must be idempotent.
 */
export class CatchUpSubscription {
  private position?: number;
  private readonly gapSeenAt = new Map<number, number>();
  private running = false;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly options: CatchUpSubscriptionOptions,
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  async checkpoint(): Promise<number> {
    this.position ??= (await this.store.checkpoints.load(this.options.name))?.position ?? 0;
    return this.position;
  }

  /** Starts again from the first event (to rebuild a projection from scratch). */
  async reset(): Promise<void> {
    await this.store.checkpoints.remove(this.options.name);
    this.position = 0;
    this.gapSeenAt.clear();
  }

  /**
   * Handles what is contiguously available after the checkpoint, saving the checkpoint every
   * `batchSize` commits and at the end, in one pass over the commit log.
   */
  async poll(): Promise<PollResult> {
    let position = await this.checkpoint();
    const batchSize = this.options.batchSize ?? 500;
    let handled = 0;
    let sinceSave = 0;
    let waitingFor: number | undefined;
    let skipped: { from: number; to: number }[] = [];
    try {
      // Leaving the loop early (at a hole) closes the store's cursor.
      for await (const commit of this.store.commitsAfter(position, batchSize)) {
        const expected = position + 1;
        if (commit._id !== expected) {
          const firstSeen = this.gapSeenAt.get(expected) ?? this.now();
          this.gapSeenAt.set(expected, firstSeen);
          if (this.now() - firstSeen < (this.options.gapTimeoutMs ?? 60_000)) {
            waitingFor = expected;
            break;
          }
          this.options.logger?.warn(
            `subscription ${this.options.name}: global positions ${expected}..${commit._id - 1} never committed; skipped after ${this.options.gapTimeoutMs ?? 60_000} ms`,
          );
          skipped.push({ from: expected, to: commit._id - 1 });
          this.gapSeenAt.delete(expected);
        }
        if (!commit.void) {
          for (const event of toRecordedEvents(commit)) {
            if (!this.matches(event)) continue;
            await this.options.handler(this.store.upcast(event));
            handled++;
          }
        }
        position = commit.lastPosition;
        if (++sinceSave >= batchSize) {
          await this.save(position, skipped);
          skipped = [];
          sinceSave = 0;
        }
      }
    } finally {
      await this.save(position, skipped);
    }
    return { handled, position, waitingFor };
  }

  /** Polls until stopped; an append in this process wakes it early. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const unsubscribers = [this.store.onCommitted(() => this.wake?.()), this.store.watchCommits?.(() => this.wake?.())];
    this.loop = (async () => {
      while (this.running) {
        let result: PollResult | undefined;
        try {
          result = await this.poll();
        } catch (error) {
          this.options.logger?.error(`subscription ${this.options.name}: ${(error as Error).message}`);
        }
        if (result && result.handled > 0 && result.waitingFor === undefined) continue;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, this.options.pollIntervalMs ?? 200);
        });
        clearTimeout(this.timer);
      }
      for (const unsubscribe of unsubscribers) unsubscribe?.();
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private matches(event: RecordedEvent): boolean {
    if (this.options.types?.length && !this.options.types.includes(event.type)) return false;
    return !this.options.streamPrefix || event.streamId.startsWith(this.options.streamPrefix);
  }

  private async save(position: number, skipped: { from: number; to: number }[]): Promise<void> {
    if (position === this.position && skipped.length === 0) return;
    this.position = position;
    await this.store.checkpoints.save(this.options.name, position, skipped);
  }
}
