import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Conflict, DomainError, DomainRuleViolation, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import type { Request, Response } from 'express';

/**
 * One shape for every error a caller sees: { statusCode, error, message, code?, details?, correlationId }.
 * Domain errors keep their message (written for people); anything unexpected becomes a plain 500
 * whose details stay in the log, so no stack trace or driver message ever reaches the caller.
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
      return { status, body: { statusCode: status, error: STATUS_CODES[status], code: exception.code, message: exception.message, details: exception.details } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = typeof response === 'string' ? response : (response as { message?: unknown }).message ?? exception.message;
      // Nest turns body-parser's JSON errors into a 400 carrying the parser's words; say what it means.
      if (status === 400 && typeof message === 'string' && / in JSON at position \d+/.test(message)) {
        message = `The request body is not valid JSON (${message}).`;
      }
      return { status, body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message } };
    }
    // body-parser errors carry a status and a type (malformed JSON, payload too large, bad charset).
    const bodyError = exception as { status?: number; type?: string; limit?: number };
    if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500 && bodyError.type) {
      const message =
        bodyError.type === 'entity.parse.failed' ? 'The request body is not valid JSON.'
        : bodyError.type === 'entity.too.large' ? `The request body is larger than the ${bodyError.limit} bytes accepted.`
        : `The request body could not be read (${bodyError.type}).`;
      return { status: bodyError.status, body: { statusCode: bodyError.status, error: STATUS_CODES[bodyError.status], message } };
    }
    return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side; the error was logged with this correlation id.' } };
  }
}
