import { randomBytes } from 'node:crypto';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { createTopicsWithLeaders } from '../topics';

export const testBrokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

export function testKafka(brokers = testBrokers, clientId = 'test'): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 200 } });
}

export const uniqueSuffix = () => randomBytes(4).toString('hex');

/**
 * Creates topics up front so consumers subscribed from the beginning see every message, and returns
 * once the broker serves their metadata. On a loaded machine the broker can answer the wait for
 * leaders with "does not host this topic-partition" before it hosts the new partitions: then the
 * creation (a no-op for topics that exist) and the wait are simply asked again.
 */
export async function createTopics(kafka: Kafka, topics: string[], numPartitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopicsWithLeaders(admin, topics, { numPartitions, replicationFactor: 1 });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
}

/** Collects messages of a topic (from the beginning) for assertions. */
export async function collect(kafka: Kafka, topic: string): Promise<{ messages: KafkaMessage[]; consumer: Consumer; stop: () => Promise<void> }> {
  const consumer = kafka.consumer({ groupId: `collect-${uniqueSuffix()}` });
  const messages: KafkaMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
  return { messages, consumer, stop: () => consumer.disconnect() };
}

/** Polls until the condition holds (no wall-clock assertion: the deadline only bounds a hung test). */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
