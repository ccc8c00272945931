import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '@nangsuat/auth';
import { EventStoreModule, EventStoreModuleOptions } from '@nangsuat/event-store';
import { MessagingModule } from '@nangsuat/messaging';
import { READ_MODEL_STORE, ReadModelsModule, ReadModelStore } from '@nangsuat/read-models';
import { loadServiceConfig, SERVICE_CONFIG, ServiceConfig } from './config/service-config';
import { kafkaEchoModule } from './diagnostics/kafka-echo';
import { HEALTH_CONCERNS, HealthConcern, HealthController } from './health/health.controller';
import { KafkaAdmin } from './health/kafka-admin';
import { ProblemFilter } from './http/problem.filter';
import { RequestInputInterceptor } from './http/request-input.interceptor';
import { correlationId } from './http/request-context';
import { Clock } from './commands/clock';
import { CommandClockInterceptor } from './commands/command-context';
import { CommandRunner } from './commands/command-runner';

/**
 * What every service shares: validated configuration, its own MongoDB database, the token guard,
 * health, error mapping, request hygiene (correlation id; body, operator-key and path checks after the
 * token check), the Kafka echo, the Clock, and for an event-sourced context the CommandRunner every
 * command goes through.
 */
export interface ServiceRuntimeOptions {
  /**
   * For an event-sourced bounded context: its event store (EVENT_STORE, COMMAND_HANDLER) in the
   * service's database and the outbox relay publishing to `nangsuat.<service>.events`.
   */
  readonly eventSourced?: Omit<EventStoreModuleOptions, 'boundedContext'> | true;
  /** What the operators' health details should also report, made from the service's query documents. */
  readonly healthConcerns?: readonly ((readModels: ReadModelStore) => HealthConcern)[];
}

/** Brokers as given; runService has validated the environment before the app module is built. */
const brokersFromEnv = () => (process.env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);

@Global()
@Module({})
export class ServiceRuntimeModule implements NestModule {
  static forRoot(service: string, options: ServiceRuntimeOptions = {}): DynamicModule {
    const eventSourced = options.eventSourced
      ? [
          EventStoreModule.forRoot({ ...(options.eventSourced === true ? {} : options.eventSourced), boundedContext: service }),
          MessagingModule.forRoot({ brokers: brokersFromEnv(), clientId: `nangsuat-${service}` }),
        ]
      : [];
    return {
      module: ServiceRuntimeModule,
      imports: [
        MongooseModule.forRootAsync({
          useFactory: () => {
            const config = loadServiceConfig(service);
            return { uri: config.MONGODB_URI, dbName: config.MONGODB_DB, serverSelectionTimeoutMS: 5000 };
          },
        }),
        ReadModelsModule.forRoot(),
        AuthModule.forRoot(),
        ...eventSourced,
        kafkaEchoModule(service),
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_CONFIG, useFactory: (): ServiceConfig => loadServiceConfig(service) },
        KafkaAdmin,
        { provide: HEALTH_CONCERNS, inject: [READ_MODEL_STORE], useFactory: (readModels: ReadModelStore) => (options.healthConcerns ?? []).map((make) => make(readModels)) },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestInputInterceptor },
        Clock,
        { provide: APP_INTERCEPTOR, useClass: CommandClockInterceptor },
        ...(options.eventSourced ? [CommandRunner] : []),
      ],
      exports: [SERVICE_CONFIG, KafkaAdmin, Clock, ...(options.eventSourced ? [CommandRunner] : [])],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationId).forRoutes('*');
  }
}
