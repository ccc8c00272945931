// The kernel is re-exported so adapters' users need one import; domain code imports @nangsuat/event-sourcing.
export * from '@nangsuat/event-sourcing';
export * from './ports';
export * from './commit';
export * from './mongo-event-store';
export * from './command-handler';
export * from './event-store.module';
export * from './catch-up-subscription';
export * from './commit-log-store';
export * from './postgres/postgres-event-store';
export * from './postgres/schema';
export * from './store-copy';
export * from './commit-log-tailer';
