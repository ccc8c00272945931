import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { DEFAULT_ANNUAL_DEADLINE, storedDeadline } from './reporting-chain';

describe('the annual deadline a stored plan holds', () => {
  it('reads { day, month }, the text "10/11" older drafts stored, and defaults to 10/11', () => {
    expect(storedDeadline({ day: 15, month: 12 })).toEqual({ day: 15, month: 12 });
    expect(storedDeadline('10/11')).toEqual({ day: 10, month: 11 });
    expect(storedDeadline(undefined)).toBe(DEFAULT_ANNUAL_DEADLINE);
  });

  it.each([['31/02'], [{ day: 'x', month: 1 }], ['soon'], [{ day: 29, month: 2 }]])('refuses %j with a way to mend the plan (422, not a crash)', (stored) => {
    expect(() => storedDeadline(stored)).toThrow(DomainRuleViolation);
    expect(() => storedDeadline(stored)).toThrow(/revise or amend the plan/);
  });
});
