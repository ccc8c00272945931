export * from './award-category';
export * from './decision-number';
export * from './events';
export * from './nomination';
export * from './values';
