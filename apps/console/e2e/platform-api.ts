import { randomUUID } from 'node:crypto';
import { KEYCLOAK_URL, PASSWORD } from './browser';

/** Direct API calls for a test's preparation only (a programme to apply to); the workflow itself goes through the browser. */
const SERVICE_PORTS: Record<string, number> = {
  plans: Number(process.env.PLANS_PORT ?? 3001),
  'support-programs': Number(process.env.SUPPORT_PROGRAMS_PORT ?? 3002),
  training: Number(process.env.TRAINING_PORT ?? 3003),
  awards: Number(process.env.AWARDS_PORT ?? 3004),
  audit: Number(process.env.AUDIT_PORT ?? 3005),
};

export async function tokenFor(username: string): Promise<string> {
  const res = await fetch(`${KEYCLOAK_URL}/realms/nangsuat/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`token for ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function callApi<T>(username: string, service: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${SERVICE_PORTS[service]}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await tokenFor(username)}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${service}${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
