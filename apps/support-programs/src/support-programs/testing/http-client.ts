import { tokenFor } from '@nangsuat/auth/testing';

/**
 * A small client for the integration tests: JSON requests to a service under test as one of the
 * demo users (real Keycloak tokens, `tokenFor` of @nangsuat/auth/testing), and a bounded wait for
 * the eventually consistent read models.
 */
export interface Reply {
  readonly status: number;
  readonly body: any;
}

export function client(baseUrl: string) {
  async function request(method: string, path: string, options: { as?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await tokenFor(options.as)}`;
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep text */
    }
    return { status: res.status, body };
  }
  return {
    request,
    get: (path: string, as: string) => request('GET', path, { as }),
    post: (path: string, as: string, body?: unknown, headers?: Record<string, string>) => request('POST', path, { as, body: body ?? {}, headers }),
    patch: (path: string, as: string, body: unknown) => request('PATCH', path, { as, body }),
  };
}

/**
 * Polls until `accept` holds for the value `read` produces, or gives up after `attempts` tries
 * (bounded, no wall-clock assertion): read models follow the event store within moments.
 */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, attempts = 100, pauseMs = 100): Promise<T> {
  let last: T = await read();
  for (let i = 1; i < attempts && !accept(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    last = await read();
  }
  return last;
}

/** A valid Vietnamese enterprise tax code (mã số thuế) from the first 9 digits: appends the check digit. */
export function taxCodeFrom(firstNine: string): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(firstNine[i]), 0);
  return `${firstNine}${(10 - (sum % 11)) % 10}`;
}
