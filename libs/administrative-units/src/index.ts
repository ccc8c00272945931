export * from './types';
export * from './seed';
export * from './unit-tree';
