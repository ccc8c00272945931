import { Kafka, logLevel } from 'kafkajs';
import { createTopics } from '@nangsuat/messaging/testing/kafka';

// Integration tests publish on topics of their own (one prefix per test file), never on the
// platform's `nangsuat.*` topics: an audit ledger fed from those would record test events.
const prefix = `it${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
process.env.KAFKA_TOPIC_PREFIX = prefix;

// Created up front: a consumer or producer meeting a topic the broker is still creating fails.
beforeAll(async () => {
  const kafka = new Kafka({ clientId: 'own-topics', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
  const topics = ['plans', 'support-programs', 'training', 'awards', 'audit', 'notifications'].flatMap((c) => [`${prefix}.${c}.events`, `${prefix}.${c}.events.dlq`]);
  await createTopics(kafka, topics);
});
