import type { ReadModelStore } from '@nangsuat/read-models';
/**
 * Integration-test kit for progress and reporting: real tokens, JSON over fetch, and real
 * RecordedEvent envelopes produced to the real Kafka topics of the other services.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { eventsTopic, eventToMessage } from '@nangsuat/messaging';
import { apiClient, eventually } from '@nangsuat/service-runtime/testing';
import { CONTRIBUTIONS_CONSUMER } from '../contributions/contributions.consumer';

export type Source = 'support-programs' | 'training' | 'awards';

/** A RecordedEvent envelope as an outbox relay publishes it. */
export function envelope(type: string, data: Record<string, unknown>, o: { streamId: string; occurredAt: string; id?: string; recordedAt?: string; unit?: string }): RecordedEvent {
  const unit = o.unit ?? String(data.unitCode ?? 'VN');
  return {
    id: o.id ?? randomUUID(),
    type,
    schemaVersion: 1,
    data,
    streamId: o.streamId,
    streamVersion: 1,
    globalPosition: Math.floor(Math.random() * 1e9),
    occurredAt: o.occurredAt,
    recordedAt: o.recordedAt ?? new Date().toISOString(),
    metadata: { actor: { id: 'test', username: 'integration-test', unit }, unit, correlationId: randomUUID() },
    prevHash: '',
    hash: 'test',
  };
}

export class EventFeed {
  private readonly kafka = new Kafka({ clientId: `plans-progress-test-${randomUUID().slice(0, 8)}`, brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });
  private producer?: Producer;

  async start(): Promise<void> {
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true });
    await this.producer.connect();
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }

  async publish(source: Source, ...events: RecordedEvent[]): Promise<void> {
    await this.producer!.send({ topic: eventsTopic(source), acks: -1, messages: events.map(eventToMessage) });
  }

  /** Raw bytes (for poison messages). */
  async publishRaw(source: Source, key: string, value: string): Promise<void> {
    await this.producer!.send({ topic: eventsTopic(source), acks: -1, messages: [{ key, value }] });
  }

  /**
   * Waits until the service's contributions consumer has read every partition of the three topics
   * up to now: a sentinel (a type that never counts) to each partition, then its processed record.
   */
  async barrier(readModels: ReadModelStore, timeoutMs = 120_000): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ids: string[] = [];
    try {
      for (const source of ['support-programs', 'training', 'awards'] as Source[]) {
        const [meta] = (await admin.fetchTopicMetadata({ topics: [eventsTopic(source)] })).topics;
        for (const p of meta.partitions) {
          const e = envelope('ProgressTestSentinel', { unitCode: 'VN' }, { streamId: `sentinel-${randomUUID()}`, occurredAt: new Date().toISOString() });
          ids.push(`${CONTRIBUTIONS_CONSUMER}:${e.id}`);
          await this.producer!.send({ topic: eventsTopic(source), acks: -1, messages: [{ ...eventToMessage(e), partition: p.partitionId }] });
        }
      }
    } finally {
      await admin.disconnect();
    }
    const processed = readModels.collection<{ _id: string }>('processed_events');
    const done = await eventually(() => processed.countDocuments({ _id: { $in: ids } }), (n) => n === ids.length, timeoutMs);
    if (done !== ids.length) throw new Error(`the contributions consumer did not catch up within ${timeoutMs} ms (${done}/${ids.length} sentinels)`);
  }

  /** Messages of a dead-letter topic, read from the beginning by a fresh group, until one matches. */
  async findDeadLetter(topic: string, match: (headers: Record<string, string>) => boolean, timeoutMs = 60_000): Promise<Record<string, string> | undefined> {
    const consumer = this.kafka.consumer({ groupId: `plans-dlq-test-${randomUUID()}` });
    let found: Record<string, string> | undefined;
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) h[k] = String(Array.isArray(v) ? v[0] : v);
          if (!found && match(h)) found = h;
        },
      });
      await eventually(async () => found, (f) => f !== undefined, timeoutMs);
    } finally {
      await consumer.disconnect();
    }
    return found;
  }
}

/** A counted target as the plans API takes it. */
export const target = (id: string, indicator: string, unit: string, milestoneYear: number, comparison: Record<string, unknown>, source = 'counted') => ({
  id,
  indicator,
  label: { vi: id, en: id },
  unit,
  milestoneYear,
  source,
  ...comparison,
});

/** Drafts and issues a plan through the API; returns the plan id. */
export async function issuePlan(
  api: ReturnType<typeof apiClient>,
  user: string,
  p: { planId: string; unit: string; title: string; documentNumber: string; issueDate: string; horizonYears: number[]; targets: unknown[]; reporting?: unknown; implementsPlan?: string },
): Promise<string> {
  const drafted = await api(user, 'POST', '/plans', {
    planId: p.planId,
    content: {
      title: p.title,
      issuingUnit: p.unit,
      horizonYears: p.horizonYears,
      generalObjectives: ['Nâng cao năng suất'],
      targets: p.targets,
      ...(p.reporting ? { reporting: p.reporting } : {}),
      ...(p.implementsPlan ? { implementsPlan: p.implementsPlan } : {}),
    },
  });
  if (drafted.status !== 201) throw new Error(`draft ${p.planId}: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const issued = await api(user, 'POST', `/plans/${p.planId}/issue`, { documentNumber: p.documentNumber, issueDate: p.issueDate, signer: { name: 'Nguyễn Văn A' } });
  if (issued.status !== 201 && issued.status !== 200) throw new Error(`issue ${p.planId}: ${issued.status} ${JSON.stringify(issued.body)}`);
  return p.planId;
}
