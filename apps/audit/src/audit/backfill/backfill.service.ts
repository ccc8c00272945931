import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { KAFKA, valueAsText } from '@nangsuat/messaging';
import { TOPIC_NAMING, TopicNaming } from '../common/contexts';
import { IngestEventHandler, IngestOutcome } from '../ledger/ingest-event.handler';
import { LedgerRepository } from '../ledger/ledger.repository';
import { Page, readPage } from '@nangsuat/service-runtime';
import { BackfillRunsQuery } from './backfill-runs.query';

export interface BackfillRun {
  _id: string;
  context: string;
  topic: string;
  status: 'running' | 'done' | 'failed';
  startedAt: Date;
  finishedAt?: Date;
  /** Messages in the topic when the run started (sum over partitions of the high watermarks). */
  expected: number;
  read: number;
  counts: Record<IngestOutcome | 'failed', number>;
  anomalies: number;
  failures: { partition: number; offset: string; error: string }[];
  error?: string;
}

/**
 * Backfill = re-reading a context's topic from offset 0 with a fresh consumer group (a group of its
 * own per run, deleted afterwards), up to the end offsets seen when the run started. Every message
 * goes through the same ingestion as the live feed: events the ledger lacks are added, copies that
 * differ from the ledger's are flagged. See docs/decisions/0005-audit-ledger.md for why the audit
 * backfills from Kafka rather than from the services' databases.
 */
@Injectable()
export class BackfillService {
  private readonly logger = new Logger('AuditBackfill');
  /** A run ends when no message has arrived for this long (the end offsets normally end it first). */
  idleTimeoutMs = 30_000;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPIC_NAMING) private readonly topicOf: TopicNaming,
    private readonly ingest: IngestEventHandler,
    private readonly repository: LedgerRepository,
  ) {}

  private get runs() {
    return this.repository.collection<BackfillRun>('ledger.backfill-runs', { dates: ['startedAt', 'finishedAt'] });
  }

  async start(context: string): Promise<BackfillRun> {
    const run = this.newRun(context);
    await this.runs.insertOne(run);
    void this.execute(run).catch(() => undefined);
    return run;
  }

  /** Runs to completion (tests, scripts). */
  async run(context: string): Promise<BackfillRun> {
    const run = this.newRun(context);
    await this.runs.insertOne(run);
    return this.execute(run);
  }

  async find(id: string): Promise<BackfillRun | null> {
    return this.runs.findOne({ _id: id });
  }

  /** The runs, newest first (what each added, found and flagged; a run's failures are read with the run). */
  async list(q: BackfillRunsQuery): Promise<Page<Omit<BackfillRun, 'failures'>>> {
    return readPage(this.runs, q.context ? { context: q.context } : {}, q, { sort: { startedAt: -1, _id: 1 }, projection: { failures: 0 } });
  }

  private newRun(context: string): BackfillRun {
    return {
      _id: randomUUID(),
      context,
      topic: this.topicOf(context),
      status: 'running',
      startedAt: new Date(),
      expected: 0,
      read: 0,
      counts: { stored: 0, duplicate: 0, conflict: 0, failed: 0 },
      anomalies: 0,
      failures: [],
    };
  }

  private async execute(run: BackfillRun): Promise<BackfillRun> {
    const groupId = `nangsuat-audit-backfill-${run._id}`;
    const admin = this.kafka.admin();
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    try {
      await admin.connect();
      const topics = await admin.listTopics();
      const ends = new Map<number, bigint>();
      if (topics.includes(run.topic)) {
        for (const p of await admin.fetchTopicOffsets(run.topic)) {
          if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high));
          run.expected += Number(BigInt(p.high) - BigInt(p.low));
        }
      }
      if (ends.size > 0) {
        await consumer.connect();
        await consumer.subscribe({ topic: run.topic, fromBeginning: true });
        await new Promise<void>((resolve, reject) => {
          const pending = new Set(ends.keys());
          // Offsets can skip (transaction markers, compaction): stop when nothing arrives for a while.
          let lastMessageAt = Date.now();
          const idle = setInterval(() => {
            if (Date.now() - lastMessageAt > this.idleTimeoutMs) {
              clearInterval(idle);
              resolve();
            }
          }, 500);
          consumer
            .run({
              autoCommit: true,
              eachMessage: async ({ partition, message }) => {
                lastMessageAt = Date.now();
                const end = ends.get(partition);
                if (end === undefined || BigInt(message.offset) >= end) return;
                run.read += 1;
                try {
                  const event = JSON.parse(valueAsText(message.value) ?? 'null') as RecordedEvent;
                  const result = await this.ingest.ingest(run.context, event, `backfill:${run._id}`);
                  run.counts[result.outcome] += 1;
                  run.anomalies += result.anomalies.length;
                } catch (error) {
                  run.counts.failed += 1;
                  if (run.failures.length < 50) run.failures.push({ partition, offset: message.offset, error: (error as Error).message });
                }
                if (BigInt(message.offset) + 1n >= end) {
                  pending.delete(partition);
                  if (pending.size === 0) {
                    clearInterval(idle);
                    resolve();
                  }
                }
                if (run.read % 1000 === 0) await this.runs.updateOne({ _id: run._id }, { $set: progress(run) });
              },
            })
            .catch(reject);
        });
      }
      run.status = 'done';
    } catch (error) {
      run.status = 'failed';
      run.error = (error as Error).message;
      this.logger.error(`backfill of ${run.topic} failed: ${run.error}`);
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
      run.finishedAt = new Date();
      await this.runs.updateOne({ _id: run._id }, { $set: { ...progress(run), status: run.status, finishedAt: run.finishedAt, ...(run.error ? { error: run.error } : {}) } });
    }
    this.logger.log(`backfill of ${run.topic}: ${run.read}/${run.expected} read, ${JSON.stringify(run.counts)}, ${run.anomalies} anomalies`);
    return run;
  }
}

function progress(run: BackfillRun) {
  return { expected: run.expected, read: run.read, counts: run.counts, anomalies: run.anomalies, failures: run.failures };
}
