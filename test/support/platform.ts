import { DEMO_PASSWORD, testIssuer, tokenFor } from '@nangsuat/auth/testing';

/** Where the platform under test runs, and how to act as one of its demo users. */
export const SERVICES = ['plans', 'support-programs', 'training', 'awards', 'audit', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

const defaultPorts: Record<ServiceName, number> = { plans: 3001, 'support-programs': 3002, training: 3003, awards: 3004, audit: 3005, notifications: 3006 };

export function serviceUrl(service: ServiceName): string {
  const port = process.env[`${service.toUpperCase().replace(/-/g, '_')}_PORT`] ?? defaultPorts[service];
  return `http://127.0.0.1:${port}`;
}

export const issuer = testIssuer();
export { DEMO_PASSWORD, tokenFor };

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
