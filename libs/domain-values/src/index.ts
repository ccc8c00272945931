export * from './values';
export * from './instants';
