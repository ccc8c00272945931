export * from './topics';
export * from './kafka-message';
export * from './outbox-relay';
export * from './idempotent-consumer';
export * from './apply-once';
export * from './messaging.module';
