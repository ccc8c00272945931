export * from './errors';
export * from './text';
export * from './dates';
export * from './numbers';
