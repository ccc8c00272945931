import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { createTopicsWithLeaders, eventsTopic } from '@nangsuat/messaging';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';

/** Bounded contexts that publish events, and every service (for the echo diagnostics). */
export const EVENT_CONTEXTS = ['plans', 'support-programs', 'training', 'awards', 'notifications'] as const;
export const SERVICES = [...EVENT_CONTEXTS, 'audit'] as const;
export const echoTopic = (service: string) => `nangsuat.${service}.diagnostics.echo`;

/**
 * Every topic a service may subscribe to. They are created at start because a Kafka consumer
 * that subscribes to a topic nobody has produced to yet fails instead of waiting.
 */
export const PLATFORM_TOPICS = [
  ...EVENT_CONTEXTS.map(eventsTopic),
  ...SERVICES.flatMap((s) => [echoTopic(s), `${echoTopic(s)}.reply`]),
];

/** One admin connection per service, for health checks and creating topics at start. */
@Injectable()
export class KafkaAdmin implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Kafka');

  private admin?: Promise<Admin>;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  private connect(): Promise<Admin> {
    if (!this.admin) {
      const kafka = new Kafka({
        clientId: `nangsuat-${this.config.SERVICE}-admin`,
        brokers: this.config.KAFKA_BROKERS,
        logLevel: logLevel.NOTHING,
        retry: { retries: 1 },
      });
      const admin = kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }

  /** Resolves with the broker count, rejects if the cluster cannot be reached within the timeout. */
  async ping(timeoutMs = 3000): Promise<number> {
    const describe = this.connect().then((a) => a.describeCluster());
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), timeoutMs).unref());
    const cluster = await Promise.race([describe, timeout]);
    return cluster.brokers.length;
  }

  private platformTopics?: Promise<void>;

  onModuleInit(): Promise<void> {
    return this.platformTopicsReady();
  }

  /** Creates the platform's topics once, waiting up to a minute for the broker to answer. */
  platformTopicsReady(): Promise<void> {
    this.platformTopics ??= this.createPlatformTopics();
    return this.platformTopics;
  }

  private async createPlatformTopics(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ensureTopics(PLATFORM_TOPICS);
        return;
      } catch (e) {
        if (attempt >= 30) throw new Error(`Kafka at ${this.config.KAFKA_BROKERS.join(',')} did not answer: ${(e as Error).message}`);
        if (attempt % 5 === 1) this.logger.warn(`waiting for Kafka at ${this.config.KAFKA_BROKERS.join(',')}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 2000));
      }
    }
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const admin = await this.connect();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    await createTopicsWithLeaders(admin, missing);
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }
}
