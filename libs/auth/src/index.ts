export * from './roles';
export * from './unit-hierarchy';
export * from './access-policy';
export * from './auth-options';
export * from './access-token-verifier';
export * from './access-token.guard';
export * from './decorators';
export * from './auth.module';
export * from './service-token-provider';
/** jose, loaded so that it works under jest too (see jose.ts): use it in tests instead of importing 'jose'. */
export { jose } from './jose';
