/**
 * One way to the five services: /api/<service>/… on the console's own origin, with the bearer token,
 * an Idempotency-Key on every write, and the API's own message when it refuses.
 */
export type Service = 'plans' | 'support-programs' | 'training' | 'awards' | 'audit' | 'notifications';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Page<T> {
  readonly items: T[];
  readonly page: number;
  readonly pageSize: number;
  /** Counted up to about a thousand past this page; past that a lower bound (totalIsLowerBound). */
  readonly total: number;
  readonly totalIsLowerBound?: boolean;
}

let tokenSource: () => Promise<string | undefined> = async () => undefined;
export function setAccessTokenSource(source: () => Promise<string | undefined>): void {
  tokenSource = source;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function buildUrl(service: Service, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/${service}${path}${qs ? `?${qs}` : ''}`;
}

function messageOf(body: unknown, status: number): { message: string; code?: string; details?: unknown } {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; code?: unknown; details?: unknown; errors?: unknown };
    const message = Array.isArray(b.message) ? b.message.join('; ') : typeof b.message === 'string' ? b.message : undefined;
    if (message) return { message, code: typeof b.code === 'string' ? b.code : undefined, details: b.details ?? b.errors };
  }
  return { message: `HTTP ${status}` };
}

export async function request<T>(method: string, service: Service, path: string, opts: { query?: Query; body?: unknown; idempotencyKey?: string; accept?: string; raw?: boolean } = {}): Promise<T> {
  const token = await tokenSource();
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['Idempotency-Key'] = opts.idempotencyKey ?? crypto.randomUUID();
  let res: Response;
  try {
    res = await fetch(buildUrl(service, path, opts.query), { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  } catch {
    throw new ApiError(0, 'network');
  }
  const text = await res.text();
  let body: unknown = text;
  // raw: the caller wants the text as sent (a file to save), parsed only to read a refusal.
  if ((res.headers.get('content-type') ?? '').includes('json') && text && (!opts.raw || !res.ok)) {
    try {
      body = JSON.parse(text);
    } catch {
      /* keep the text */
    }
  }
  if (!res.ok) {
    const { message, code, details } = messageOf(body, res.status);
    throw new ApiError(res.status, message, code, details);
  }
  return body as T;
}

export const api = {
  get: <T>(service: Service, path: string, query?: Query) => request<T>('GET', service, path, { query }),
  post: <T>(service: Service, path: string, body?: unknown, idempotencyKey?: string) => request<T>('POST', service, path, { body: body ?? {}, idempotencyKey }),
  patch: <T>(service: Service, path: string, body: unknown) => request<T>('PATCH', service, path, { body }),
  del: <T>(service: Service, path: string) => request<T>('DELETE', service, path),
  text: (service: Service, path: string, query?: Query, accept = 'text/csv') => request<string>('GET', service, path, { query, accept, raw: true }),
};

/** Saves text as a file the browser downloads (CSV export). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
