import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { Kafka, KafkaConfig, logLevel, Partitioners, Producer } from 'kafkajs';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { EVENT_STORE, EventStore } from '@nangsuat/event-store';
import { IdempotentConsumer, IdempotentConsumerOptions } from './idempotent-consumer';
import { OutboxRelay, OutboxRelayOptions } from './outbox-relay';

export interface MessagingModuleOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Extra kafkajs settings (ssl, sasl, retry...). */
  readonly kafka?: Partial<KafkaConfig>;
  /** Relay settings; `false` for a service that only consumes. The relay needs EventStoreModule. */
  readonly relay?: OutboxRelayOptions | false;
  /** Defaults for consumers made by IdempotentConsumerFactory. */
  readonly consumerDefaults?: Partial<Omit<IdempotentConsumerOptions, 'consumer' | 'documents' | 'producer'>>;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');

/** Makes idempotent consumers over the app's database and the shared producer (for dead letters). */
@Injectable()
export class IdempotentConsumerFactory {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly documents: ReadModelStore,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {}

  private readonly created: IdempotentConsumer[] = [];

  create(consumer: string, overrides: Partial<Omit<IdempotentConsumerOptions, 'consumer'>> = {}): IdempotentConsumer {
    const made = new IdempotentConsumer({
      logger: new Logger(`consumer ${consumer}`),
      ...this.options.consumerDefaults,
      ...overrides,
      consumer,
      documents: overrides.documents ?? this.documents,
      producer: overrides.producer ?? this.producer,
    });
    this.created.push(made);
    return made;
  }

  /** Writes every consumer's pending processed-id records (on shutdown). */
  async flushAll(): Promise<void> {
    await Promise.all(this.created.map((c) => c.flush()));
  }
}

/** Connects the producer, starts the relay once the app is up, and stops both cleanly on shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay | null,
    private readonly consumers: IdempotentConsumerFactory,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.connect();
    this.relay?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
    await this.consumers.flushAll().catch((error: Error) => new Logger('MessagingModule').warn(`processed ids not saved on shutdown: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

/**
 * Kafka for a service: KAFKA (kafkajs client), KAFKA_PRODUCER, the OutboxRelay of its event store
 * (topic `nangsuat.<boundedContext>.events`) and IdempotentConsumerFactory.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KAFKA,
          useFactory: () => new Kafka({ logLevel: logLevel.WARN, ...options.kafka, clientId: options.clientId, brokers: [...options.brokers] }),
        },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA],
          // One request in flight keeps a stream's messages in order across retries.
          useFactory: (kafka: Kafka) => kafka.producer({ allowAutoTopicCreation: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner }),
        },
        {
          provide: OutboxRelay,
          inject: [{ token: EVENT_STORE, optional: true }, KAFKA_PRODUCER],
          useFactory: (store: EventStore | undefined, producer: Producer) =>
            options.relay === false || !store ? null : new OutboxRelay(store, producer, { logger: new Logger('OutboxRelay'), ...options.relay }),
        },
        IdempotentConsumerFactory,
        MessagingLifecycle,
      ],
      exports: [MESSAGING_OPTIONS, KAFKA, KAFKA_PRODUCER, OutboxRelay, IdempotentConsumerFactory],
    };
  }
}
