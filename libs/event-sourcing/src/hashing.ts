import { canonicalJson, sha256Hex } from './canonical';
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
