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

/** The part of kafkajs' admin client that creating topics needs. */
interface TopicAdmin {
  createTopics(options: { topics: { topic: string; numPartitions?: number; replicationFactor?: number }[]; waitForLeaders?: boolean }): Promise<boolean>;
  fetchTopicMetadata(options: { topics: string[] }): Promise<{ topics: { name: string; partitions: { leader: number }[] }[] }>;
}

/**
 * Creates the topics (those that exist already are left as they are) and returns once every
 * partition has a leader. kafkajs' own `waitForLeaders` gives up when a busy broker answers "does
 * not host this topic-partition" for a topic it is still creating; that answer is waited out here.
 */
export async function createTopicsWithLeaders(
  admin: TopicAdmin,
  topics: readonly string[],
  options: { numPartitions?: number; replicationFactor?: number; timeoutMs?: number } = {},
): Promise<void> {
  if (topics.length === 0) return;
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: options.numPartitions, replicationFactor: options.replicationFactor })), waitForLeaders: false });
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (let attempt = 1; ; attempt++) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
      if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Kafka topics ${topics.join(', ')} have no leader after ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1000)));
  }
}
