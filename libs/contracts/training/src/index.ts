export * from './certification-standard';
export * from './course';
export * from './events';
export * from './expert-certification';
export * from './values';
