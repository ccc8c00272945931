import { DynamicModule, Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { EventSourcedCommandHandler } from './command-handler';
import { MongoEventStore } from './mongo-event-store';
import { COMMAND_HANDLER, EVENT_STORE } from './ports';
import { Upcaster } from './upcasting';

export interface EventStoreModuleOptions {
  /** The service's bounded context, e.g. `plans`; names its Kafka topic. */
  readonly boundedContext: string;
  readonly upcasters?: readonly Upcaster[];
  /** Snapshot every N events for deciders that declare a snapshot schema. */
  readonly snapshotEvery?: number;
  /** Commit collection name (default `events`) in the service's own database. */
  readonly collectionPrefix?: string;
  /** Re-decide this many times on a version conflict (default 3). */
  readonly conflictRetries?: number;
}

export const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');

@Injectable()
class EventStoreIndexes implements OnModuleInit {
  constructor(@Inject(EVENT_STORE) private readonly store: MongoEventStore) {}
  onModuleInit(): Promise<void> {
    return this.store.ensureIndexes();
  }
}

/**
 * Provides EVENT_STORE (a MongoEventStore, also injectable by its class) and COMMAND_HANDLER over the
 * app's default mongoose connection (MongooseModule.forRoot is set up by the service runtime).
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
          useFactory: (connection: Connection) =>
            new MongoEventStore(connection, { boundedContext: options.boundedContext, upcasters: options.upcasters, collectionPrefix: options.collectionPrefix }),
        },
        { provide: MongoEventStore, useExisting: EVENT_STORE },
        {
          provide: COMMAND_HANDLER,
          inject: [EVENT_STORE],
          useFactory: (store: MongoEventStore) => new EventSourcedCommandHandler(store, { snapshotEvery: options.snapshotEvery, conflictRetries: options.conflictRetries }),
        },
        EventStoreIndexes,
      ],
      exports: [EVENT_STORE, MongoEventStore, COMMAND_HANDLER, EVENT_STORE_OPTIONS],
    };
  }
}
