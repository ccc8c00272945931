export * from './enterprise-account';
export * from './enterprise-claim';
export * from './enterprise';
export * from './events';
export * from './pilot-model-registration';
export * from './programme';
export * from './tax-code';
export * from './values';
