/** Real access tokens from the test run's Keycloak, for integration and end-to-end tests. */
export const DEMO_PASSWORD = 'demo-password';

export function testIssuer(): string {
  return process.env.OIDC_ISSUER ?? (process.env.KEYCLOAK_URL ? `${process.env.KEYCLOAK_URL}/realms/nangsuat` : 'http://127.0.0.1:8080/realms/nangsuat');
}

const cache = new Map<string, Promise<{ token: string; expiresAt: number }>>();

/**
 * A demo user's access token (password grant on the public CLI client), cached until shortly before
 * expiry. Concurrent callers share one request: a burst of grants for one user can be refused.
 */
export async function tokenFor(username: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = cache.get(username);
  if (cached) {
    const { token, expiresAt } = await cached.catch(() => ({ token: '', expiresAt: 0 }));
    if (expiresAt > Date.now()) return token;
  }
  const request = fetchToken(username, password);
  cache.set(username, request);
  request.catch(() => cache.delete(username));
  return (await request).token;
}

async function fetchToken(username: string, password: string): Promise<{ token: string; expiresAt: number }> {
  const res = await fetch(`${testIssuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password }),
  });
  const body = (await res.json()) as { access_token?: string; expires_in?: number; error_description?: string };
  if (!res.ok || !body.access_token) throw new Error(`Keycloak refused ${username}: ${body.error_description ?? res.status}`);
  return { token: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 60) - 30) * 1000 };
}
