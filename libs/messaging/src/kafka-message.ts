import type { IHeaders, Message } from 'kafkajs';
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { Headers } from './topics';

/** The Kafka message for a recorded event: key = stream id (a stream stays on one partition, in order). */
export function eventToMessage(event: RecordedEvent): Message {
  const headers: IHeaders = {
    [Headers.eventId]: event.id,
    [Headers.eventType]: event.type,
    [Headers.schemaVersion]: String(event.schemaVersion),
    [Headers.streamId]: event.streamId,
    [Headers.correlationId]: event.metadata.correlationId,
  };
  if (event.metadata.traceparent) headers[Headers.traceparent] = event.metadata.traceparent;
  if (event.metadata.tracestate) headers[Headers.tracestate] = event.metadata.tracestate;
  return { key: event.streamId, value: JSON.stringify(event), headers };
}

type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** Header values as strings, whether kafkajs (Buffers) or Nest's parser (strings) produced them. */
export function headersAsStrings(headers: Record<string, HeaderValue> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== null) result[name] = first.toString();
  }
  return result;
}

/** A message value as text (Buffer from kafkajs, string or already-parsed object from Nest). */
export function valueAsText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
