import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { testPostgresUrl } from '@nangsuat/event-store/testing';
import { connectTestDatabase } from '@nangsuat/event-store/testing/mongo';
import { MongoReadModels } from '../mongo-read-models';
import type { ReadModelStore } from '../ports';
import { PostgresReadModels } from '../postgres/postgres-read-models';

/** A read-model store opened on a real server for one test file, and how to drop what it made. */
export interface OpenedReadModels {
  readonly store: ReadModelStore;
  /** MongoDB's wire served by FerretDB (as locally and in CI), which lacks some of MongoDB's atomicity. */
  readonly ferretdb?: boolean;
  drop(): Promise<void>;
}

/**
 * Both adapters, for tests that must hold on each: PostgreSQL (a fresh schema) and MongoDB (a fresh
 * database; FerretDB locally). `name` names the schema and database, so concurrent files do not meet.
 */
export function readModelAdapters(name: string): { name: 'PostgreSQL' | 'MongoDB'; open(): Promise<OpenedReadModels> }[] {
  return [
    {
      name: 'PostgreSQL',
      async open() {
        const schema = `test_${name}_${randomBytes(4).toString('hex')}`;
        const store = PostgresReadModels.connect(testPostgresUrl(), schema);
        return {
          store,
          async drop() {
            await store.close();
            const pool = new Pool({ connectionString: testPostgresUrl(), max: 1 });
            await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await pool.end();
          },
        };
      },
    },
    {
      name: 'MongoDB',
      async open() {
        const db = await connectTestDatabase(name);
        const info = await db.connection.db!.admin().command({ buildInfo: 1 });
        return { store: new MongoReadModels(db.connection), drop: db.drop, ferretdb: 'ferretdbVersion' in info };
      },
    },
  ];
}
