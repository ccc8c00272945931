import { addYears, requireText } from './values';

describe('training values', () => {
  it('adds whole years to a calendar date; 29 February falls back to 28 February', () => {
    expect(addYears('2025-03-15', 3)).toBe('2028-03-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('re-exports the shared checks', () => {
    expect(requireText(' a ', 'name')).toBe('a');
  });
});
