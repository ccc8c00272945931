import { canonicalJson, canonicalJsonWith, sha256Hex } from './canonical';
import { RecordedEvent } from './event';

/** The part of an envelope that is hashed: everything except the hash itself (prevHash included). */
export type HashableEvent = Omit<RecordedEvent, 'hash'>;

/** SHA-256 hex over the canonical serialisation of the event, prevHash included, hash excluded. */
export function hashEvent(event: HashableEvent): string {
  const { hash: _ignored, ...hashable } = event as RecordedEvent;
  return sha256Hex(canonicalJson(hashable));
}

export function withHash(event: HashableEvent): RecordedEvent {
  return { ...event, hash: hashEvent(event) };
}

/**
 * The events of one commit hashed in a chain, their shared metadata serialised once: the same
 * hashes as `withHash` on each in turn (prevHash of each = hash of the one before).
 */
export function withHashes(events: readonly Omit<HashableEvent, 'prevHash'>[], prevHash: string): RecordedEvent[] {
  const known: Record<string, string> = {};
  const out: RecordedEvent[] = [];
  let previous = prevHash;
  for (const event of events) {
    const hashable = { ...event, prevHash: previous } as HashableEvent;
    if (!Object.hasOwn(known, 'metadata') && hashable.metadata !== undefined) known.metadata = canonicalJson(hashable.metadata);
    const hash = sha256Hex(canonicalJsonWith(hashable as unknown as Record<string, unknown>, hashable.metadata === events[0].metadata ? known : {}));
    out.push({ ...hashable, hash });
    previous = hash;
  }
  return out;
}
