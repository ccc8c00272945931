export * from './document-number';
export * from './plan';
export * from './progress';
export * from './reporting-period';
