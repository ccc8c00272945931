import { emailPreferencesDecider } from './preferences';

describe('email preferences', () => {
  const set = (emailOff: string[], state = emailPreferencesDecider.initialState()) =>
    emailPreferencesDecider.decide({ type: 'SetEmailPreferences', userId: 'u1', emailOff, now: '2026-11-30T00:00:00.000Z' }, state);

  it('records the kinds switched off, in a stable order', () => {
    expect(set(['report-due', 'registration-submitted'])).toEqual([
      { type: 'EmailPreferencesChanged', schemaVersion: 1, data: { userId: 'u1', emailOff: ['registration-submitted', 'report-due'], changedAt: '2026-11-30T00:00:00.000Z' } },
    ]);
  });

  it('writes nothing when nothing changes, and refuses unknown kinds', () => {
    expect(set(['report-due'], { emailOff: ['report-due'] })).toEqual([]);
    expect(() => set(['everything'])).toThrow(/Unknown kinds of notice: everything/);
  });
});
