export * from '@nangsuat/event-sourcing/testing';
export * from './adapters';
