export * from './service-test-app';
export * from './api-client';
