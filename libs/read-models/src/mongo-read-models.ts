import type { Connection } from 'mongoose';
import { CollectionOptions, DocumentCollection, ReadModelStore } from './ports';

/** Query documents in the service's own MongoDB database: the driver's collections as they are. */
export class MongoReadModels implements ReadModelStore {
  readonly kind = 'mongodb' as const;

  constructor(private readonly connection: Connection) {}

  collection<T extends object>(name: string, _options?: CollectionOptions): DocumentCollection<T> {
    // MongoDB matches array elements and keeps Dates natively: the options are PostgreSQL's concern.
    return this.connection.collection(name) as unknown as DocumentCollection<T>;
  }

  async ping(): Promise<void> {
    await this.connection.db?.admin().ping();
  }

  async close(): Promise<void> {
    // The connection belongs to the service's mongoose module, which closes it.
  }
}
