import type { Connection } from 'mongoose';
import { readModelsFromEnvironment } from './read-models.module';

describe('where the read models live', () => {
  const connection = { name: 'nangsuat_training' } as Connection;
  const closeAfter = async (env: NodeJS.ProcessEnv) => {
    const store = readModelsFromEnvironment(connection, env);
    await store.close();
    return store;
  };

  it('beside a PostgreSQL event store, in the service schema, unless told otherwise', async () => {
    const pg = 'postgres://nangsuat@127.0.0.1:5432/nangsuat';
    expect(await closeAfter({ EVENT_STORE_URL: pg, MONGODB_DB: 'nangsuat_training' })).toMatchObject({ kind: 'postgres', schema: 'nangsuat_training' });
    expect((await closeAfter({ EVENT_STORE_URL: pg, READ_MODELS_URL: 'mongodb' })).kind).toBe('mongodb');
    expect((await closeAfter({ READ_MODELS_URL: pg })).kind).toBe('postgres');
    expect((await closeAfter({})).kind).toBe('mongodb');
    expect((await closeAfter({ EVENT_STORE_URL: 'mongodb://127.0.0.1:27017' })).kind).toBe('mongodb');
  });
});
