import { BadRequestException, HttpException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The one JSON body reader of every service. The size limit is enforced while reading (413 at once:
 * the only body check that must come before authentication). Every other problem — a body that is
 * not JSON, not UTF-8, nested deeper than MAX_JSON_DEPTH, or not an object — is recorded on the
 * request and raised after the token check (RequestBodyInterceptor), so a 401 never depends on the body.
 */

/** Deepest nesting of objects and arrays accepted; plan content needs 5, MongoDB refuses more than 100. */
export const MAX_JSON_DEPTH = 32;

export const BODY_PROBLEM = Symbol('nangsuat:body-problem');
type WithProblem = Request & { [BODY_PROBLEM]?: HttpException };

/** "256kb" → 262144 (b, kb, mb; the form HTTP_BODY_LIMIT is validated against). */
export function sizeInBytes(size: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(size.trim());
  if (!m) throw new RangeError(`"${size}" is not a size such as 256kb`);
  const factor = { b: 1, kb: 1024, mb: 1024 * 1024 }[m[2].toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(m[1]) * factor;
}

/** How deeply objects and arrays nest in JSON text, counted without parsing (so without recursion). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

function charsetOf(contentType: string): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return m?.[1].toLowerCase();
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Routes that take a file (POST …/attachments): a multipart/form-data body to one of them is left
 * unread here, for the route's own upload reader (libs/attachments) after the token check, with its
 * own size limit. Any other body to them is read as JSON like everywhere else.
 */
export const UPLOAD_PATH = /\/attachments\/?$/;

function isMultipart(contentType: string | undefined): boolean {
  return !!contentType && contentType.split(';')[0].trim().toLowerCase() === 'multipart/form-data';
}

/** Reads the JSON body into req.body ({} when there is none); see the module comment for the order of checks. */
export function parseJsonBody(options: { limitBytes: number; maxDepth?: number; uploadLimitBytes?: number }) {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (options.uploadLimitBytes && req.method === 'POST' && isMultipart(req.headers['content-type']) && UPLOAD_PATH.test(req.path)) {
      const declaredUpload = Number(req.headers['content-length']);
      if (Number.isFinite(declaredUpload) && declaredUpload > options.uploadLimitBytes) {
        req.resume();
        next(new PayloadTooLargeException(`The upload (${declaredUpload} bytes) is larger than the ${options.uploadLimitBytes} bytes accepted.`));
        return;
      }
      req.body = {};
      next();
      return;
    }
    const defer = (problem: HttpException) => {
      (req as WithProblem)[BODY_PROBLEM] = problem;
      req.body = {};
      next();
    };
    if (!hasBody(req)) {
      req.body = {};
      next();
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.limitBytes) {
      req.resume(); // discard what the client still sends; the answer does not wait for it
      next(new PayloadTooLargeException(`The request body (${declared} bytes) is larger than the ${options.limitBytes} bytes accepted.`));
      return;
    }
    const contentType = req.headers['content-type'];
    if (!isJsonMediaType(contentType)) {
      req.resume();
      defer(new UnsupportedMediaTypeException(
        `The request body must be JSON sent with "Content-Type: application/json"${contentType ? `, not "${contentType.slice(0, 100)}"` : ''}.`,
      ));
      return;
    }
    const charset = charsetOf(contentType!);
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      req.resume();
      defer(new UnsupportedMediaTypeException(`The request body must be UTF-8 JSON, not charset "${charset.slice(0, 40)}".`));
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      req.removeListener('data', onData);
      if (error) {
        next(error);
        return;
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        defer(new BadRequestException('The request body is not valid UTF-8 text.'));
        return;
      }
      if (text.trim() === '') {
        req.body = {};
        next();
        return;
      }
      const depth = jsonDepth(text);
      if (depth > maxDepth) {
        defer(new BadRequestException(`The request body nests objects and arrays ${depth} levels deep; at most ${maxDepth} are accepted.`));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        defer(new BadRequestException(`The request body is not valid JSON (${(error as Error).message.slice(0, 120)}).`));
        return;
      }
      // JSON can carry a NUL only escaped; no PostgreSQL text (the event store, FerretDB) can hold one.
      const withNul = text.includes('\\u0000') ? fieldWithNul(body, '') : undefined;
      if (withNul !== undefined) {
        defer(new BadRequestException(`${withNul || 'The request body'} contains a NUL character (\\u0000), which no text may hold; remove it.`));
        return;
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        const what = body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`;
        defer(new BadRequestException(`The request body must be a JSON object ({ … }), not ${what}.`));
        return;
      }
      req.body = body;
      next();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.limitBytes) {
        req.resume();
        finish(new PayloadTooLargeException(`The request body is larger than the ${options.limitBytes} bytes accepted.`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish());
    req.on('error', () => finish(new BadRequestException('The request body could not be read (the connection was interrupted).')));
  };
}

/** The body problem recorded by parseJsonBody, if any. */
export function bodyProblemOf(req: Request): HttpException | undefined {
  return (req as WithProblem)[BODY_PROBLEM];
}

/** The path of the first key or string holding a NUL character ('' for the body itself), if any. */
function fieldWithNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, member] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const found = fieldWithNul(member, here);
    if (found !== undefined) return found;
  }
  return undefined;
}
