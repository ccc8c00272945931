import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';

/** One admin connection per service, for health checks and creating topics at start. */
@Injectable()
export class KafkaAdmin implements OnApplicationShutdown {
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

  async ensureTopics(topics: string[]): Promise<void> {
    const admin = await this.connect();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length) await admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }
}
