/* What the HTTP benchmarks share: a client with a bearer token, and a figure measured beside the
 * service's cheapest round trip (GET /health), the floor of HTTP on this machine at that moment. */
import { performance } from 'node:perf_hooks';

export const ms = (n: number) => n.toFixed(1);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export class Http {
  constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; ms: number; json: any }> {
    const t0 = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json().catch(() => undefined);
    return { status: res.status, ms: performance.now() - t0, json };
  }
}

export interface Figure {
  n: number;
  p50: number;
  p99: number;
  floor50: number;
  floor99: number;
}

/** `count` sequential requests (fewer past `budgetSeconds`, one at least), each followed by a GET /health (the floor), p50/p99 of both. */
export async function measure(http: Http, count: number, request: (i: number) => Promise<{ status: number; ms: number; json: any }>, expected: number, budgetSeconds: number): Promise<Figure> {
  const took: number[] = [];
  const floor: number[] = [];
  const until = performance.now() + budgetSeconds * 1000;
  for (let i = 0; i < count && (i < 1 || performance.now() < until); i++) {
    const r = await request(i);
    if (r.status !== expected) throw new Error(`expected ${expected}, got ${r.status}: ${JSON.stringify(r.json).slice(0, 300)}`);
    took.push(r.ms);
    floor.push((await http.call('GET', '/health')).ms);
  }
  return { n: took.length, p50: percentile(took, 50), p99: percentile(took, 99), floor50: percentile(floor, 50), floor99: percentile(floor, 99) };
}
