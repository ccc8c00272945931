export * from '@nangsuat/event-sourcing/testing';
export * from './adapters';
export * from './in-memory-command-handler';
