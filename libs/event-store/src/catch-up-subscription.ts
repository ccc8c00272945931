import { toRecordedEvents } from './commit';
import { ClaimedHole, CommitLogTailer } from './commit-log-tailer';
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
   * How long a hole in the global positions is waited for before it is claimed as void (the
   * commit-log tailer's one hole policy, decision 0014). Default 10 s.
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
 * rebuilding projections. It reads through the commit-log tailer (as the outbox relay's sweep
 * does), so it only advances over contiguous positions: at a hole it waits until the commit (or a
 * void marker) arrives, and after `gapTimeoutMs` the tailer claims the hole as void; the claimed
 * range is logged and kept on the checkpoint for audit. Delivery is at least once: handlers must
 * be idempotent.
 */
export class CatchUpSubscription {
  private position?: number;
  private readonly tailer: CommitLogTailer;
  private running = false;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly options: CatchUpSubscriptionOptions,
  ) {
    this.tailer = new CommitLogTailer(store, { name: `subscription ${options.name}`, gapTimeoutMs: options.gapTimeoutMs, now: options.now, logger: options.logger });
  }

  async checkpoint(): Promise<number> {
    this.position ??= (await this.store.checkpoints.load(this.options.name))?.position ?? 0;
    return this.position;
  }

  /** Starts again from the first event (to rebuild a projection from scratch). */
  async reset(): Promise<void> {
    await this.store.checkpoints.remove(this.options.name);
    this.position = 0;
    this.tailer.forget();
  }

  /**
   * Handles what is contiguously available after the checkpoint, saving the checkpoint after every
   * `batchSize` commits read (and the holes claimed on the way with it).
   */
  async poll(): Promise<PollResult> {
    const batchSize = this.options.batchSize ?? 500;
    let handled = 0;
    let position = await this.checkpoint();
    let result;
    try {
      result = await this.tailer.tail(position, batchSize, async (commits) => {
        for (const commit of commits) {
          if (commit.void) continue;
          for (const event of toRecordedEvents(commit)) {
            if (!this.matches(event)) continue;
            await this.options.handler(this.store.upcast(event));
            handled++;
          }
        }
        position = commits[commits.length - 1].lastPosition;
        await this.save(position, []);
      });
    } catch (error) {
      await this.save(position, []);
      throw error;
    }
    await this.save(result.position, result.claimed);
    return { handled, position: result.position, waitingFor: result.waitingFor };
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

  private async save(position: number, skipped: readonly ClaimedHole[]): Promise<void> {
    if (position === this.position && skipped.length === 0) return;
    this.position = position;
    await this.store.checkpoints.save(this.options.name, position, skipped);
  }
}
