import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, type Actor } from '@nangsuat/event-sourcing';
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

function pathOf(req: Request): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0];
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
