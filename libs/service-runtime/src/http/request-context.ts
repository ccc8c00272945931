import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import type { Actor, EventMetadata } from '@nangsuat/event-sourcing';
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
  };
}

/** Idempotency key for a command: the Idempotency-Key header, when the client sends one. */
export function commandIdOf(req: Request): string | undefined {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && correlationIdPattern.test(key) ? key : undefined;
}
