export * from './event';
export * from './decider';
export * from './errors';
export * from './ports';
