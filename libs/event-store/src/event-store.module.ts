import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { EventSourcedCommandHandler } from './command-handler';
import { MongoEventStore } from './mongo-event-store';
import { COMMAND_HANDLER, EVENT_STORE, EventStore } from './ports';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { Upcaster } from '@nangsuat/event-sourcing';

export interface EventStoreModuleOptions {
  /** The service's bounded context, e.g. `plans`; names its Kafka topic. */
  readonly boundedContext: string;
  readonly upcasters?: readonly Upcaster[];
  /** Snapshot every N events for deciders that declare a snapshot schema. */
  readonly snapshotEvery?: number;
  /** Commit collection name (default `events`) in the service's own database (MongoDB adapter). */
  readonly collectionPrefix?: string;
  /** Re-decide this many times on a version conflict (default 3). */
  readonly conflictRetries?: number;
}

export const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');

/**
 * Where the store lives, from the environment (validated at start by the service configuration):
 * EVENT_STORE_URL=postgres://… gives the PostgreSQL adapter, in a schema named like the service's
 * database (MONGODB_DB); mongodb://… or no EVENT_STORE_URL gives the MongoDB adapter in the
 * service's own MongoDB database.
 */
export function eventStoreFromEnvironment(connection: Connection, options: EventStoreModuleOptions, env: NodeJS.ProcessEnv = process.env): EventStore {
  const url = env.EVENT_STORE_URL;
  const common = { boundedContext: options.boundedContext, upcasters: options.upcasters };
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const schema = (env.MONGODB_DB ?? connection.name ?? `nangsuat_${options.boundedContext}`).toLowerCase().replace(/[^a-z0-9_]/g, '_');
    return PostgresEventStore.connect(url, { ...common, schema });
  }
  // A mongodb:// EVENT_STORE_URL other than the read models' is not supported yet: one connection per service.
  return new MongoEventStore(connection, { ...common, collectionPrefix: options.collectionPrefix });
}

@Injectable()
class EventStoreLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  onModuleInit(): Promise<void> {
    return this.store.ensureReady();
  }
  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

/**
 * Provides EVENT_STORE (the adapter chosen by EVENT_STORE_URL) and COMMAND_HANDLER. The MongoDB
 * adapter uses the app's default mongoose connection (MongooseModule.forRoot, set up by the service runtime).
 */
@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        { provide: EVENT_STORE_OPTIONS, useValue: options },
        {
          provide: EVENT_STORE,
          inject: [getConnectionToken()],
          useFactory: (connection: Connection) => eventStoreFromEnvironment(connection, options),
        },
        {
          provide: COMMAND_HANDLER,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new EventSourcedCommandHandler(store, {
              snapshotEvery: options.snapshotEvery,
              conflictRetries: options.conflictRetries,
              logger: new Logger('CommandHandler'),
            }),
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE, COMMAND_HANDLER, EVENT_STORE_OPTIONS],
    };
  }
}
