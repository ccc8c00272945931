import { ReadModelsModule } from '@nangsuat/read-models';
import { Controller, INestApplication, Injectable, Module } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, MicroserviceOptions, Transport } from '@nestjs/microservices';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import type { Connection } from 'mongoose';
import { EVENT_STORE, EventStore, EventStoreModule } from '@nangsuat/event-store';
import { testMetadata } from '../../event-store/src/testing/mongo';
import { applyOnce } from './apply-once';
import { IdempotentConsumer } from './idempotent-consumer';
import { IdempotentConsumerFactory, MessagingModule } from './messaging.module';
import { OutboxRelay } from './outbox-relay';
import { createTopics, deleteTopics, eventually, testBrokers, testKafka, uniqueSuffix } from './testing/kafka';
import { eventsTopic } from './topics';

const suffix = uniqueSuffix();
const boundedContext = `nest${suffix}`;
const TOPIC = eventsTopic(boundedContext);

@Injectable()
class Counter {
  readonly seen: string[] = [];
}

@Controller()
class ProgressProjection {
  private readonly consumer: IdempotentConsumer;
  constructor(
    factory: IdempotentConsumerFactory,
    @InjectConnection() private readonly connection: Connection,
    private readonly counter: Counter,
  ) {
    this.consumer = factory.create('plans.progress', { maxAttempts: 2, initialBackoffMs: 10 });
  }

  @EventPattern(TOPIC)
  async onEvent(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.consumer.handleKafkaContext(ctx, async (event) => {
      this.counter.seen.push(event.id);
      await applyOnce(this.connection.collection<any>('progress'), { _id: event.streamId }, event.id, { $inc: { events: 1 } });
    });
  }
}

describe('Nest hybrid app: EventStoreModule + MessagingModule + @EventPattern consumer', () => {
  let app: INestApplication;
  const dbName = `test_nest_${suffix}`;

  beforeAll(async () => {
    await createTopics(testKafka(), [TOPIC, `${TOPIC}.dlq`]);
    @Module({
      imports: [
        MongooseModule.forRoot(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017', { dbName }),
        EventStoreModule.forRoot({ boundedContext }),
        ReadModelsModule.forRoot(),
        MessagingModule.forRoot({ brokers: testBrokers, clientId: boundedContext, relay: { sweepIntervalMs: 100 } }),
      ],
      controllers: [ProgressProjection],
      providers: [Counter],
    })
    class AppModule {}
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    app.connectMicroservice<MicroserviceOptions>({
      transport: Transport.KAFKA,
      options: { client: { clientId: `${boundedContext}-consumer`, brokers: testBrokers }, consumer: { groupId: `${boundedContext}-projection` }, subscribe: { fromBeginning: true } },
    });
    await app.startAllMicroservices();
    await app.init();
  });

  afterAll(async () => {
    await app.get<Connection>('DatabaseConnection').dropDatabase().catch(() => undefined);
    await app.close();
    await deleteTopics(testKafka(), [TOPIC, `${TOPIC}.dlq`]);
  });

  it('an append is relayed by the started relay and projected once by the @EventPattern handler', async () => {
    const store = app.get<EventStore>(EVENT_STORE);
    const { events } = await store.append('plan-nest', [{ type: 'TargetSet', data: {} }, { type: 'TargetSet', data: {} }], { expectedVersion: 'no-stream', metadata: testMetadata });
    const counter = app.get(Counter);
    await eventually(() => events.every((e) => counter.seen.includes(e.id)), 'both events handled');
    const connection = app.get<Connection>('DatabaseConnection');
    await eventually(async () => (await connection.collection<any>('progress').findOne({ _id: 'plan-nest' }))?.events === 2, 'projection');
    // The relay is the module's, saves its checkpoint and stops with the app.
    const relay = app.get(OutboxRelay);
    expect(relay).toBeInstanceOf(OutboxRelay);
    await eventually(async () => (await relay.backlog()) === 0, 'checkpoint past both events');
  });
});
