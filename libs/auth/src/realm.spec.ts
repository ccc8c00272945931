import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The development realm, imported afresh at every Keycloak start. */
const realm = JSON.parse(readFileSync(join(__dirname, '../../../deploy/keycloak/nangsuat-realm.json'), 'utf8')) as { users: { id?: string; username: string }[] };

describe('development realm', () => {
  it('gives every demo user a fixed id, so the actor ids recorded in events (and derived record ids) survive a Keycloak restart', () => {
    const ids = realm.users.map((u) => u.id);
    expect(realm.users.length).toBeGreaterThan(0);
    for (const user of realm.users) expect(user.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
