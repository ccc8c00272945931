import { personIdOf } from './person-id';

describe('personIdOf', () => {
  it('hashes a citizen id into a stable pseudonymous id that does not contain it', () => {
    const id = personIdOf({ citizenId: '051095001234' });
    expect(id).toMatch(/^cid-[0-9a-f]{40}$/);
    expect(id).not.toContain('051095001234');
    expect(personIdOf({ citizenId: '051095001234' })).toBe(id);
    expect(personIdOf({ citizenId: '051095001235' })).not.toBe(id);
  });

  it('passes a pseudonymous id through and refuses both or neither', () => {
    expect(personIdOf({ personId: 'p-1' })).toBe('p-1');
    expect(() => personIdOf({ personId: 'p-1', citizenId: '051095001234' })).toThrow(/either/);
    expect(() => personIdOf({})).toThrow(/required/);
  });
});
