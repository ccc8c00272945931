import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Conflict, DomainError, DomainRuleViolation, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import type { Request, Response } from 'express';

/** Longest text of a message the caller sees; a longer one echoed input it should not have. */
export const MAX_MESSAGE_LENGTH = 500;

/** Strings cut to MAX_MESSAGE_LENGTH, in arrays and objects too (a few levels: details are shallow). */
export function bounded<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (value.length > MAX_MESSAGE_LENGTH ? `${value.slice(0, MAX_MESSAGE_LENGTH)}… (cut)` : value) as T;
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => bounded(v, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).slice(0, 100).map(([k, v]) => [k, bounded(v, depth + 1)])) as T;
}

/**
 * One shape for every error a caller sees: { statusCode, error, message, code?, details?, correlationId }.
 * Domain errors keep their message (written for people); anything unexpected becomes a plain 500
 * whose details stay in the log, so no stack trace or driver message ever reaches the caller.
 * Messages are bounded: a 10,000-character id is never echoed whole.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const { status, body } = this.describe(exception);
    if (status >= 500) {
      this.logger.error(`${req.method} ${req.url} failed: ${exception instanceof Error ? exception.stack : String(exception)}`);
    }
    res.status(status).json({ ...body, correlationId: req.headers['x-correlation-id'] });
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      const status =
        exception instanceof NotFound ? 404
        : exception instanceof Conflict ? 409
        : exception instanceof Forbidden ? 403
        : exception instanceof DomainRuleViolation ? 422
        : 400;
      return {
        status,
        body: { statusCode: status, error: STATUS_CODES[status], code: exception.code, message: bounded(exception.message), details: bounded(exception.details) },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message ?? exception.message;
      return { status, body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: bounded(message) } };
    }
    // Errors of Express itself (http-errors: a malformed %-escape in the path, …) carry a 4xx status.
    const httpError = exception as { status?: number; expose?: boolean };
    if (typeof httpError?.status === 'number' && httpError.status >= 400 && httpError.status < 500) {
      return {
        status: httpError.status,
        body: { statusCode: httpError.status, error: STATUS_CODES[httpError.status], message: 'The request could not be read: check its path, query and body.' },
      };
    }
    return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; the error was logged with this correlation id.' } };
  }
}
