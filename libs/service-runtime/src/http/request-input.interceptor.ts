import { BadRequestException, CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { bodyProblemOf } from './json-body';
import { findOperatorKey } from './operator-keys';

/** Longest path parameter (an id) accepted; ids are at most 64 characters, composed ones a little more. */
export const MAX_PATH_PARAM_LENGTH = 200;

/**
 * Checks of the raw request that come after the token check (interceptors run after guards), so a
 * missing or forged token gets 401 whatever the body: the body problem parseJsonBody recorded,
 * operator-like keys in the body or query, and over-long path parameters.
 */
@Injectable()
export class RequestInputInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<Request>();
      const problem = bodyProblemOf(req);
      if (problem) throw problem;
      const key = findOperatorKey(req.body) ?? findOperatorKey(req.query);
      if (key) {
        throw new BadRequestException(`Field name "${key.slice(0, 100)}" is not allowed: names may not start with "$" or contain ".".`);
      }
      for (const [name, value] of Object.entries(req.params ?? {})) {
        if (typeof value === 'string' && value.length > MAX_PATH_PARAM_LENGTH) {
          throw new BadRequestException(`The ${name} in the path is ${value.length} characters long; identifiers have at most ${MAX_PATH_PARAM_LENGTH}.`);
        }
      }
    }
    return next.handle();
  }
}
