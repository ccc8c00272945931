import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { MongoReadModels } from './mongo-read-models';
import { READ_MODEL_STORE, ReadModelStore } from './ports';
import { PostgresReadModels } from './postgres/postgres-read-models';

/**
 * Where the query documents live, from the environment (validated by the service configuration):
 * READ_MODELS_URL=postgres://… or, when it is unset, a postgres://… EVENT_STORE_URL gives PostgreSQL
 * (tables in the schema named like the service's database, beside its events);
 * READ_MODELS_URL=mongodb, or neither, the service's MongoDB database.
 */
export function readModelsFromEnvironment(connection: Connection, env: NodeJS.ProcessEnv = process.env): ReadModelStore {
  const url = env.READ_MODELS_URL ?? env.EVENT_STORE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const schema = (env.MONGODB_DB ?? connection.name ?? 'nangsuat').toLowerCase().replace(/[^a-z0-9_]/g, '_');
    return PostgresReadModels.connect(url, schema);
  }
  return new MongoReadModels(connection);
}

@Injectable()
class ReadModelsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}
  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

/** Provides READ_MODEL_STORE to the whole service. */
@Module({})
export class ReadModelsModule {
  static forRoot(): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        { provide: READ_MODEL_STORE, inject: [getConnectionToken()], useFactory: (connection: Connection) => readModelsFromEnvironment(connection) },
        ReadModelsLifecycle,
      ],
      exports: [READ_MODEL_STORE],
    };
  }
}
