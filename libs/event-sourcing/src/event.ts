/**
 * The event model shared by every bounded context.
 *
 * A domain event is what a decider returns: a type, a schema version and a payload. The event
 * store wraps it in a RecordedEvent envelope when it is appended (ARCHITECTURE.md, "Event sourcing").
 */

/** An event as the domain produces it. `schemaVersion` defaults to 1. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly schemaVersion?: number;
  readonly data: Data;
}

/** Who acted: taken from the verified access token, never from the request body. */
export interface Actor {
  readonly id: string;
  readonly username: string;
  /** Official code of the administrative unit the user acts for. */
  readonly unit: string;
  readonly roles?: readonly string[];
  /** Set for enterprise users: the enterprise they act for. */
  readonly enterpriseId?: string;
}

/** Metadata a command handler passes to an append; the store adds the rest of the envelope. */
export interface EventMetadata {
  readonly actor: Actor;
  /** Administrative unit the record belongs to (in force when the record was made). */
  readonly unit: string;
  /** Why the change was made, where the domain asks for one (amendments, rejections, revocations). */
  readonly reason?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** W3C trace context of the request that caused the event. */
  readonly traceparent?: string;
  readonly tracestate?: string;
  /**
   * The request behind a command sent with an Idempotency-Key: the key as the client sent it and a
   * fingerprint of the request, so a retry is told from another request that reuses the key.
   */
  readonly request?: { readonly idempotencyKey: string; readonly fingerprint: string };
}

/** An event as stored and published: the envelope of ARCHITECTURE.md. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly type: E['type'];
  readonly schemaVersion: number;
  readonly data: E['data'];
  readonly streamId: string;
  /** 1-based position of the event in its stream. */
  readonly streamVersion: number;
  /** Position of the event in the whole store; strictly increasing, may have gaps. */
  readonly globalPosition: number;
  /** When the fact happened in the domain (ISO 8601); defaults to recordedAt. */
  readonly occurredAt: string;
  /** When the store committed it (ISO 8601). */
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
  /** Hash of the previous event of the same stream ('' for the first). */
  readonly prevHash: string;
  /** SHA-256 (hex) over the canonical serialisation of this event, including prevHash. */
  readonly hash: string;
}

/** Expected version of a stream for an append. */
export type ExpectedVersion =
  | number /** exactly this many events in the stream */
  | 'no-stream' /** the stream must not exist */
  | 'any'; /** no check (still atomic and ordered) */
