/** Value checks of the training deciders: the platform's shared ones (libs/domain-values), plus certification validity in years. */
export * from '@nangsuat/domain-values';

/** Adds whole years to a calendar date; 29 February falls back to 28 February. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
