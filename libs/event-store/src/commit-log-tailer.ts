import type { CommitDocument } from './commit';
import type { EventStore } from './ports';

/** Default of the one hole policy (decision 0014): how long a hole may hold a reader back before it is claimed. */
export const DEFAULT_GAP_TIMEOUT_MS = 10_000;

export interface CommitLogTailerOptions {
  /** Who reads (`subscription <name>`, `outbox relay to <topic>`): named in the log line of a claimed hole. */
  readonly name: string;
  /**
   * How long a hole in the global positions is waited for before its positions are claimed as void.
   * Holes normally fill within milliseconds (a commit in flight, or the void marker a failed append
   * writes); only a writer that died or stalled between taking positions and inserting leaves one
   * for longer. Default 10 s.
   */
  readonly gapTimeoutMs?: number;
  /** Milliseconds clock, injectable so the timeout is tested without waiting. */
  readonly now?: () => number;
  readonly logger?: { warn(message: string): void };
}

/** Positions a reader gave up waiting for and claimed as void. */
export interface ClaimedHole {
  readonly from: number;
  readonly to: number;
}

export interface TailResult {
  /** The last global position read without a gap (what a checkpoint may be moved to). */
  readonly position: number;
  /** The first missing position, when the read stopped to wait for it. */
  readonly waitingFor?: number;
  /** Holes claimed as void during this read. */
  readonly claimed: readonly ClaimedHole[];
}

/**
 * The one reader of the global commit log behind the outbox relay's sweep and the catch-up
 * subscriptions. Global positions are taken before their commit is inserted, so a commit can
 * appear after one with a higher position; a reader that took "everything after my checkpoint"
 * would then pass it for ever. The tailer hands over only commits contiguous with what was read
 * before, page by page, and at a hole applies one policy (docs/decisions/0014):
 *
 * - it waits (the read stops, reporting the missing position) until the commit or a void marker
 *   fills it — normally milliseconds;
 * - once the same hole has held it back for `gapTimeoutMs`, it claims the missing positions as void
 *   in the store (`voidAbandonedPositions`, which a late writer's insert then collides with, so that
 *   writer appends again at new positions: nothing is lost, and every reader sees the same void
 *   markers), logs it, reports the claimed range (callers keep it with their checkpoint for audit),
 *   and reads on.
 */
export class CommitLogTailer {
  /** Hole (first missing position) → when this tailer first saw it. */
  private readonly holeSince = new Map<number, number>();

  constructor(
    private readonly store: Pick<EventStore, 'readCommits' | 'voidAbandonedPositions'>,
    private readonly options: CommitLogTailerOptions,
  ) {}

  private get gapTimeoutMs(): number {
    return this.options.gapTimeoutMs ?? DEFAULT_GAP_TIMEOUT_MS;
  }

  /** Forgets the holes seen (a reader starting over from a checkpoint). */
  forget(): void {
    this.holeSince.clear();
  }

  /**
   * Reads the commits after `after` in global order, `pageSize` a read, and gives each contiguous
   * run to `take` (awaited before the next read). Stops at the end of the log, or at a hole that
   * has not yet outlived the timeout.
   */
  async tail(after: number, pageSize: number, take: (commits: CommitDocument[]) => Promise<void>): Promise<TailResult> {
    let position = after;
    const claimed: ClaimedHole[] = [];
    for (;;) {
      const page = await this.store.readCommits(position, pageSize);
      let contiguous = 0;
      let end = position;
      while (contiguous < page.length && page[contiguous]._id === end + 1) end = page[contiguous++].lastPosition;
      if (contiguous > 0) {
        await take(page.slice(0, contiguous));
        position = end;
      }
      if (contiguous < page.length) {
        const hole = { from: position + 1, to: page[contiguous]._id - 1 };
        if (!(await this.claimIfAbandoned(hole))) return { position, waitingFor: hole.from, claimed };
        claimed.push(hole);
        continue; // the void markers are in the log now
      }
      if (page.length < pageSize) return { position, claimed };
    }
  }

  private async claimIfAbandoned(hole: ClaimedHole): Promise<boolean> {
    const now = (this.options.now ?? Date.now)();
    for (const from of this.holeSince.keys()) if (from < hole.from) this.holeSince.delete(from);
    const since = this.holeSince.get(hole.from) ?? now;
    this.holeSince.set(hole.from, since);
    if (now - since < this.gapTimeoutMs) return false;
    const count = await this.store.voidAbandonedPositions(hole.from, hole.to);
    this.options.logger?.warn(`${this.options.name}: global positions ${hole.from}..${hole.to} not committed after ${this.gapTimeoutMs} ms; ${count} claimed as void`);
    this.holeSince.delete(hole.from);
    return true;
  }
}
