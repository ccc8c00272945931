/** Value checks of the awards deciders: the platform's shared ones (libs/domain-values). */
export * from '@nangsuat/domain-values';
