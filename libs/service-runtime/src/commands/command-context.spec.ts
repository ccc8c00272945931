import type { Request } from 'express';
import fc from 'fast-check';
import { requestFingerprintOf } from '../http/request-context';
import { CommandContext } from './command-context';

const request = (o: { key?: string; actor?: string; body?: unknown; correlationId?: string }): Request =>
  ({
    headers: { ...(o.key ? { 'idempotency-key': o.key } : {}), ...(o.correlationId ? { 'x-correlation-id': o.correlationId } : {}) },
    actor: o.actor ? { id: o.actor, username: o.actor, unit: '51', roles: ['commune-officer'] } : undefined,
    method: 'POST',
    originalUrl: '/courses',
    body: o.body ?? { topic: '5S' },
  }) as unknown as Request;

const at = new Date('2026-11-30T03:00:00.000Z');
const of = (o: Parameters<typeof request>[0]) => CommandContext.ofRequest(request(o), at);

describe('the command context built at the edge', () => {
  it('carries the actor, the time the request arrived and the caller-scoped command id', () => {
    const context = of({ key: 'k-12345678', actor: 'u1' });
    expect(context.actor.username).toBe('u1');
    expect(context.nowIso).toBe('2026-11-30T03:00:00.000Z');
    expect(context.commandId).toMatch(/^idem-[0-9a-f]{40}$/);
    expect(of({ key: 'k-12345678', actor: 'u2' }).commandId).not.toBe(context.commandId);
    expect(of({ actor: 'u1' }).commandId).toBeUndefined();
  });

  it('event metadata: the unit and reason given, the correlation id, and the key and fingerprint only when a key was sent', () => {
    const withKey = of({ key: 'k-12345678', actor: 'u1', correlationId: 'corr-12345678' }).metadata('51-NGOKBAY', 'vì sao');
    expect(withKey).toMatchObject({ unit: '51-NGOKBAY', reason: 'vì sao', correlationId: 'corr-12345678', actor: { id: 'u1', unit: '51' } });
    expect(withKey.request).toEqual({ idempotencyKey: 'k-12345678', fingerprint: requestFingerprintOf(request({})) });
    expect(of({ actor: 'u1' }).metadata('51').request).toBeUndefined();
  });

  it('a record the server names is the same on a retry (a UUID, or prefixed), another caller’s is another', () => {
    const a = of({ key: 'k-12345678', actor: 'u1' }).newRecordId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(of({ key: 'k-12345678', actor: 'u1' }).newRecordId()).toBe(a);
    expect(of({ key: 'k-12345678', actor: 'u2' }).newRecordId()).not.toBe(a);
    expect(of({ key: 'k-12345678', actor: 'u1' }).newRecordId('ctht')).toMatch(/^ctht-[0-9a-f]{32}$/);
    expect(of({ key: 'k-12345678', actor: 'u1' }).newRecordId('ctht')).toBe(of({ key: 'k-12345678', actor: 'u1' }).newRecordId('ctht'));
    expect(of({ actor: 'u1' }).newRecordId('ctht')).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(of({ actor: 'u1' }).newRecordId()).not.toBe(of({ actor: 'u1' }).newRecordId());
    expect(of({ actor: 'u1' }).newRecordId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('each step of a multi-stream command has its own command id, stable across retries', () => {
    const context = of({ key: 'k-12345678', actor: 'u1' });
    expect(context.step('seat').commandId).toBe(`${context.commandId}:seat`);
    expect(context.step('seat').commandId).not.toBe(context.step('approve').commandId);
    expect(of({ actor: 'u1' }).step('seat').commandId).toBeUndefined();
  });

  it('covering what the body does not carry (an uploaded file) changes the fingerprint, never the command id', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const context = of({ key: 'k-12345678', actor: 'u1' });
        const one = context.covering({ file: a });
        const other = context.covering({ file: b });
        expect(one.commandId).toBe(context.commandId);
        expect(one.requestFingerprint === other.requestFingerprint).toBe(a === b);
        expect(one.requestFingerprint).not.toBe(context.requestFingerprint);
      }),
    );
  });

  it('a system command (a job) has its own actor, time and command id', () => {
    const context = CommandContext.system({ id: 'system:x', username: 'x', unit: 'VN', roles: ['service'] }, at, { commandId: 'expire-c1' });
    expect(context.commandId).toBe('expire-c1');
    expect(context.metadata('58', 'hết hạn')).toMatchObject({ actor: { id: 'system:x' }, unit: '58', reason: 'hết hạn' });
    expect(context.metadata('58').request).toBeUndefined();
  });
});
