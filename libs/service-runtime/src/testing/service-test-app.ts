import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { EVENT_STORE, EventStore, PostgresEventStore } from '@nangsuat/event-store';
import { PostgresReadModels, READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { createServiceApp, ServiceDefinition } from '../bootstrap';

export interface ServiceTestApp {
  readonly app: NestExpressApplication;
  /** http://127.0.0.1:<random port> */
  readonly url: string;
  /** The service's own (fresh) database. */
  readonly connection: Connection;
  /** The service's own (fresh) event store (PostgreSQL when EVENT_STORE_URL says so). */
  readonly events: EventStore;
  /** Its read models (PostgreSQL beside a PostgreSQL event store, else its database). */
  readonly readModels: ReadModelStore;
  close(): Promise<void>;
}

/**
 * A whole service for an integration test, against the real PostgreSQL, FerretDB, Kafka and Keycloak
 * of the test run (EVENT_STORE_URL, MONGODB_URI, KAFKA_BROKERS, OIDC_ISSUER): its own fresh database,
 * event store schema and Kafka consumer group, listening on a random port. Both are dropped on close.
 */
export async function startServiceForTest(def: Pick<ServiceDefinition, 'service' | 'rootModule'>): Promise<ServiceTestApp> {
  const suffix = randomBytes(4).toString('hex');
  process.env.MONGODB_URI ??= 'mongodb://127.0.0.1:27017';
  process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
  process.env.OIDC_ISSUER ??= 'http://127.0.0.1:8080/realms/nangsuat';
  process.env.PORT ??= '3999'; // validated but unused: the test app listens on a random port
  process.env.MONGODB_DB = `test_${def.service.replace(/-/g, '_')}_${suffix}`;
  process.env.KAFKA_CONSUMER_GROUP = `test-${def.service}-${suffix}`;
  process.env.OTEL_SDK_DISABLED ??= 'true';
  const app = await createServiceApp({ ...def, title: def.service, description: 'integration test' });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const connection = app.get<Connection>(getConnectionToken());
  const events = app.get<EventStore>(EVENT_STORE, { strict: false });
  const readModels = app.get<ReadModelStore>(READ_MODEL_STORE, { strict: false });
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    connection,
    events,
    readModels,
    async close() {
      await connection.dropDatabase().catch(() => undefined);
      await app.close();
      // After the service stopped: its relay saves a checkpoint on the way out.
      if (events instanceof PostgresEventStore) await PostgresEventStore.dropSchema(process.env.EVENT_STORE_URL!, events.schema).catch(() => undefined);
      // Read models in PostgreSQL without an event store there (the audit service): their own schema.
      if (readModels instanceof PostgresReadModels && !(events instanceof PostgresEventStore)) {
        await PostgresEventStore.dropSchema(process.env.READ_MODELS_URL ?? process.env.EVENT_STORE_URL!, readModels.schema).catch(() => undefined);
      }
    },
  };
}
