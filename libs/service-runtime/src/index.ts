export * from './bootstrap';
export * from './service-runtime.module';
export * from './config/service-config';
export * from './http/pagination';
export * from './http/request-context';
export * from './http/problem.filter';
export * from './health/kafka-admin';
