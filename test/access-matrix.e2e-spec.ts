import { call, tokenFor } from './support/platform';
import { expectedAllowed, MATRIX_USERS, PROBES } from './access-matrix';

/**
 * Every role × a representative read and write in each service, against the running platform
 * (real Keycloak tokens). A probe without a request is a todo until its service's route exists.
 * Denied writes must leave nothing behind: where a probe reads back, the owner adds that check in `setup`.
 */
describe('access matrix: role × service × read/write', () => {
  for (const probe of PROBES) {
    const title = `${probe.service}: ${probe.action} (${probe.mode})`;
    if (!probe.request) {
      it.todo(`${title} — route not wired yet`);
      continue;
    }
    describe(title, () => {
      let fixture: Record<string, string> = {};
      beforeAll(async () => {
        fixture = probe.setup ? await probe.setup() : {};
      });
      it.each(MATRIX_USERS.map((u) => [u.username, u.role, expectedAllowed(probe, u)] as const))(
        '%s (%s) → allowed %s',
        async (username, _role, allowed) => {
          const { method, path, body } = probe.request!(fixture);
          const res = await call(probe.service, method, path, { token: await tokenFor(username), body });
          if (allowed) expect(res.status).toBeLessThan(400);
          else expect(res.status).toBe(403);
        },
      );
    });
  }
});
