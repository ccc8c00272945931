/**
 * The pure kernel of event sourcing: events and their envelope, deciders, domain errors, the
 * canonical form and hash chain, upcasting. No database driver, no Nest: domain code imports this.
 */
export * from './event';
export * from './decider';
export * from './errors';
export * from './canonical';
export * from './hashing';
export * from './upcasting';
export * from './verification';
