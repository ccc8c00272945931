import { randomBytes } from 'node:crypto';
import mongoose, { Connection } from 'mongoose';

/** A connection to a database of its own (random name) on the test store; drop it when done. */
export async function connectTestDatabase(label: string): Promise<{ connection: Connection; drop: () => Promise<void> }> {
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
  const dbName = `test_${label.replace(/[^a-z0-9]/gi, '_')}_${randomBytes(4).toString('hex')}`;
  const connection = await mongoose.createConnection(uri, { dbName, serverSelectionTimeoutMS: 5000 }).asPromise();
  return {
    connection,
    drop: async () => {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}

export const testActor = { id: 'u-1', username: 'can.bo', unit: '01', roles: ['planner'] } as const;
export const testMetadata = { actor: testActor, unit: '01', correlationId: 'corr-1' } as const;
