import { createHash, randomUUID } from 'node:crypto';
import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { context as otelContext, propagation } from '@opentelemetry/api';
import { canonicalJson, type Actor, type EventMetadata } from '@nangsuat/event-sourcing';
import { ACTOR_PROPERTY } from '@nangsuat/auth';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { commandIdOf, idempotencyKeyOf, requestFingerprintOf } from '../http/request-context';
import { Clock } from './clock';

/** Where the request's arrival time is kept between the interceptor that stamps it and the decorator. */
const RECEIVED_AT = 'receivedAt';

interface Provenance {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  readonly request?: EventMetadata['request'];
}

/**
 * Everything a command needs from its edge, built once there (by `@CurrentCommand()` for a request,
 * by `CommandContext.system` for a job or a consumer): who acts, the command id that makes a retry
 * idempotent (the Idempotency-Key scoped to the caller and the route), the correlation and trace of
 * the request, and `now` from the service's Clock. Handlers and the CommandRunner take this and never
 * see the HTTP request.
 */
export class CommandContext {
  private constructor(
    readonly actor: Actor,
    /** When the command was received: what its events record as `now`. */
    readonly now: Date,
    /** Present when the caller sent an Idempotency-Key: the same request again gets the first result. */
    readonly commandId: string | undefined,
    private readonly provenance: Provenance,
  ) {}

  /** A request's context: the actor the token guard set, the key it sent, the time it arrived. */
  static ofRequest(req: Request, now: Date): CommandContext {
    const actor = (req as unknown as Record<string, unknown>)[ACTOR_PROPERTY] as Actor;
    const key = idempotencyKeyOf(req);
    return new CommandContext(actor, now, commandIdOf(req), {
      correlationId: String(req.headers['x-correlation-id'] ?? randomUUID()),
      causationId: typeof req.headers['x-causation-id'] === 'string' ? req.headers['x-causation-id'] : undefined,
      traceparent: typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined,
      request: key ? { idempotencyKey: key, fingerprint: requestFingerprintOf(req) } : undefined,
    });
  }

  /** A command the service gives itself (a scheduled job, a consumer): its own actor, time and, for idempotency, id. */
  static system(actor: Actor, now: Date, options: { commandId?: string; correlationId?: string } = {}): CommandContext {
    return new CommandContext(actor, now, options.commandId, { correlationId: options.correlationId ?? randomUUID() });
  }

  /** What a retry must repeat (a fingerprint of the request's body), when the caller sent an Idempotency-Key. */
  get requestFingerprint(): string | undefined {
    return this.provenance.request?.fingerprint;
  }

  /**
   * The same command, whose fingerprint also covers `part`: what the request carries beside its JSON
   * body (an uploaded file's name and hash), so the same key with another file is another request.
   */
  covering(part: unknown): CommandContext {
    const request = this.provenance.request;
    if (!request) return this;
    const fingerprint = sha256(`${request.fingerprint}\n${canonicalJson(part ?? null)}`);
    return new CommandContext(this.actor, this.now, this.commandId, { ...this.provenance, request: { ...request, fingerprint } });
  }

  /** `now` as commands carry it (ISO 8601). */
  get nowIso(): string {
    return this.now.toISOString();
  }

  /** The metadata of the events this command writes for a record of `unit`, with the reason given. */
  metadata(unit: string, reason?: string): EventMetadata {
    const carrier: Record<string, string> = {};
    propagation.inject(otelContext.active(), carrier);
    const { actor } = this;
    return {
      actor: { id: actor.id, username: actor.username, unit: actor.unit, roles: actor.roles, enterpriseId: actor.enterpriseId },
      unit,
      reason,
      correlationId: this.provenance.correlationId,
      causationId: this.provenance.causationId,
      traceparent: carrier.traceparent ?? this.provenance.traceparent,
      tracestate: carrier.tracestate,
      request: this.provenance.request,
    };
  }

  /**
   * The id of a record the server names (the client gave none): derived from the command id when
   * there is one, so a retry names the same record and gets the first result; random otherwise.
   * Shaped as a UUID (version 8: custom), or `<prefix>-<32 hex>` when the record kind has a prefix.
   */
  newRecordId(prefix?: string): string {
    const h = this.commandId ? sha256(`record-id\n${this.commandId}`) : randomUUID().replace(/-/g, '') + sha256(randomUUID()).slice(0, 8);
    if (prefix) return `${prefix}-${h.slice(0, 32)}`;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * The context of one step of a command that writes to several streams: its own command id derived
   * from this one, so a retried request resumes where the first stopped.
   */
  step(name: string): CommandContext {
    return new CommandContext(this.actor, this.now, this.commandId ? `${this.commandId}:${name}` : undefined, this.provenance);
  }
}

/** Stamps each request with the time it arrived, from the service's Clock (interceptors run after the token guard). */
@Injectable()
export class CommandClockInterceptor implements NestInterceptor {
  constructor(private readonly clock: Clock) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') (context.switchToHttp().getRequest<Record<string, unknown>>())[RECEIVED_AT] = this.clock.now();
    return next.handle();
  }
}

/** The route's CommandContext: `handle(@CurrentCommand() command: CommandContext, …)`. */
export const CurrentCommand = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommandContext => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const receivedAt = (req as unknown as Record<string, unknown>)[RECEIVED_AT];
  return CommandContext.ofRequest(req, receivedAt instanceof Date ? receivedAt : new Date());
});

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
