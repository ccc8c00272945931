/** Value checks of the support-programme deciders: the platform's shared ones (libs/domain-values). */
export * from '@nangsuat/domain-values';
