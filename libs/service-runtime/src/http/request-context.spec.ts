import type { Request } from 'express';
import { commandIdOf, requestFingerprintOf } from './request-context';

const request = (o: { key?: string; actor?: string; method?: string; url?: string; body?: unknown }): Request =>
  ({
    headers: o.key ? { 'idempotency-key': o.key } : {},
    actor: o.actor ? { id: o.actor, username: o.actor, unit: '51' } : undefined,
    method: o.method ?? 'POST',
    originalUrl: o.url ?? '/courses',
    body: o.body ?? { topic: '5S' },
  }) as unknown as Request;

describe('Idempotency-Key scoping', () => {
  it('no key, no command id; a key gives one id per caller, method and path', () => {
    expect(commandIdOf(request({ actor: 'u1' }))).toBeUndefined();
    const id = commandIdOf(request({ key: 'k-12345678', actor: 'u1' }));
    expect(id).toMatch(/^idem-[0-9a-f]{40}$/);
    expect(commandIdOf(request({ key: 'k-12345678', actor: 'u1', url: '/courses?x=1' }))).toBe(id);
    expect(commandIdOf(request({ key: 'k-12345678', actor: 'u2' }))).not.toBe(id);
    expect(commandIdOf(request({ key: 'k-12345678', actor: 'u1', url: '/nominations' }))).not.toBe(id);
    expect(commandIdOf(request({ key: 'k-12345678', actor: 'u1', method: 'PUT' }))).not.toBe(id);
  });

  it('the fingerprint follows the body, not its key order', () => {
    expect(requestFingerprintOf(request({ body: { a: 1, b: [1, 2] } }))).toBe(requestFingerprintOf(request({ body: { b: [1, 2], a: 1 } })));
    expect(requestFingerprintOf(request({ body: { a: 1 } }))).not.toBe(requestFingerprintOf(request({ body: { a: 2 } })));
  });
});
