import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Refuses any JSON body or query whose keys look like MongoDB operators or paths (`$gt`, `a.b`).
 * DTO validation already rejects wrong types; this is the second wall against operator injection
 * (`{"$gt": ""}`) for routes whose DTOs accept free-form objects.
 */
export function findOperatorKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findOperatorKey(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key.startsWith('$') || key.includes('.') || key === '__proto__' || key === 'constructor') return here;
      const found = findOperatorKey(child, here);
      if (found) return found;
    }
  }
  return undefined;
}

export function rejectOperatorKeys(req: Request, _res: Response, next: NextFunction): void {
  const key = findOperatorKey(req.body) ?? findOperatorKey(req.query);
  if (key) {
    next(new BadRequestException(`Field name "${key}" is not allowed: names may not start with "$" or contain ".".`));
    return;
  }
  next();
}
