import { createHash, randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { canonicalJson, type Actor, type EventMetadata } from '@nangsuat/event-sourcing';
import type { NextFunction, Request, Response } from 'express';

const correlationIdPattern = /^[A-Za-z0-9._:-]{8,100}$/;

/** Keeps a caller's correlation id (if well-formed) or makes one, and echoes it in the response. */
export function correlationId(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers['x-correlation-id'];
  const id = typeof given === 'string' && correlationIdPattern.test(given) ? given : randomUUID();
  req.headers['x-correlation-id'] = id;
  res.setHeader('x-correlation-id', id);
  next();
}

/** The metadata of events written on behalf of a request: who, for which unit, why, and the trace. */
export function eventMetadata(req: Request, actor: Actor, unit: string, reason?: string): EventMetadata {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    actor: { id: actor.id, username: actor.username, unit: actor.unit, roles: actor.roles, enterpriseId: actor.enterpriseId },
    unit,
    reason,
    correlationId: String(req.headers['x-correlation-id'] ?? randomUUID()),
    causationId: typeof req.headers['x-causation-id'] === 'string' ? req.headers['x-causation-id'] : undefined,
    traceparent: carrier.traceparent ?? (typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined),
    tracestate: carrier.tracestate,
    request: idempotentRequestOf(req),
  };
}

/** The Idempotency-Key header as the client sent it, when well-formed. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && correlationIdPattern.test(key) ? key : undefined;
}

/**
 * The command id of a request sent with an Idempotency-Key: the key scoped to the caller and the
 * route (method and path), as the IETF Idempotency-Key draft asks — another user, or another
 * route, with the same key is another command.
 */
export function commandIdOf(req: Request): string | undefined {
  const key = idempotencyKeyOf(req);
  if (!key) return undefined;
  const actorId = (req as unknown as { actor?: Actor }).actor?.id ?? 'anonymous';
  return `idem-${sha256(`${actorId}\n${req.method} ${pathOf(req)}\n${key}`).slice(0, 40)}`;
}

/** What a retry must repeat: the request's body (the route is in the command id already). */
export function requestFingerprintOf(req: Request): string {
  return sha256(canonicalJson(req.body ?? null));
}

function idempotentRequestOf(req: Request): EventMetadata['request'] {
  const idempotencyKey = idempotencyKeyOf(req);
  return idempotencyKey ? { idempotencyKey, fingerprint: requestFingerprintOf(req) } : undefined;
}

/**
 * The id of a record the server names (when the client gave none): derived from the command id when
 * the request has an Idempotency-Key, so a retry names the same record and gets the first result;
 * random otherwise.
 */
export function newRecordId(req: Request): string {
  const commandId = commandIdOf(req);
  if (!commandId) return randomUUID();
  const h = sha256(`record-id\n${commandId}`);
  // Shaped as a UUID (version 8: custom), so it passes wherever a UUID is expected.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pathOf(req: Request): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
