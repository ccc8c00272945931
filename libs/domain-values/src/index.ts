export * from './identifiers';
export * from './values';
export * from './instants';
