export * from './ports';
export * from './mongo-read-models';
export * from './postgres/postgres-read-models';
export * from './read-models.module';
