/**
 * The topic a bounded context publishes its events to: `nangsuat.<context>.events`. The prefix can
 * be changed by KAFKA_TOPIC_PREFIX so that integration tests keep their events off the platform's
 * topics (the audit ledger of a running platform would otherwise record them).
 */
export function eventsTopic(boundedContext: string): string {
  return `${process.env.KAFKA_TOPIC_PREFIX || 'nangsuat'}.${boundedContext}.events`;
}

/** Where a consumer sends what it cannot handle. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Kafka header names the platform uses. */
export const Headers = {
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  streamId: 'stream-id',
  correlationId: 'correlation-id',
  error: 'dlq-error',
  errorStack: 'dlq-error-stack',
  attempts: 'dlq-attempts',
  consumer: 'dlq-consumer',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
} as const;
