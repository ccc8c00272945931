/** Where the platform under test runs, and how to act as one of its demo users. */
export const SERVICES = ['plans', 'support-programs', 'training', 'awards', 'audit'] as const;
export type ServiceName = (typeof SERVICES)[number];

const defaultPorts: Record<ServiceName, number> = { plans: 3001, 'support-programs': 3002, training: 3003, awards: 3004, audit: 3005 };

export function serviceUrl(service: ServiceName): string {
  const port = process.env[`${service.toUpperCase().replace(/-/g, '_')}_PORT`] ?? defaultPorts[service];
  return `http://127.0.0.1:${port}`;
}

export const issuer = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:8080/realms/nangsuat';
export const DEMO_PASSWORD = 'demo-password';

const tokens = new Map<string, string>();

/** A real access token from Keycloak (password grant on the public CLI client). */
export async function tokenFor(username: string, password = DEMO_PASSWORD): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password }),
  });
  const body = (await res.json()) as { access_token?: string; error_description?: string };
  if (!res.ok || !body.access_token) throw new Error(`Keycloak refused ${username}: ${body.error_description ?? res.status}`);
  tokens.set(username, body.access_token);
  return body.access_token;
}

/** JSON request helper returning status and parsed body. */
export async function call(
  service: ServiceName,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${serviceUrl(service)}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, headers: res.headers };
}
