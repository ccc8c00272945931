import express from 'express';
import request from 'supertest';
import { bodyProblemOf, jsonDepth, parseJsonBody, sizeInBytes } from './json-body';
import { findOperatorKey } from './operator-keys';

/** An Express app with the body reader and a route answering what it read (or the recorded problem). */
function app() {
  const a = express();
  a.use(parseJsonBody({ limitBytes: 1024, maxDepth: 8 }));
  a.post('/echo', (req, res) => {
    const problem = bodyProblemOf(req);
    if (problem) res.status(problem.getStatus()).json({ message: problem.message });
    else res.json({ body: req.body });
  });
  a.use((err: { status?: number; message: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(err.status ?? 500).json({ message: err.message });
  });
  return a;
}

describe('JSON body reader', () => {
  it('reads sizes as HTTP_BODY_LIMIT writes them', () => {
    expect(sizeInBytes('256kb')).toBe(262144);
    expect(sizeInBytes('1MB')).toBe(1048576);
    expect(sizeInBytes('10b')).toBe(10);
    expect(() => sizeInBytes('lots')).toThrow(RangeError);
  });

  it('measures nesting without recursion, ignoring brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"{"')).toBe(0);
    expect(jsonDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000);
  });

  it('reads a JSON object, and an absent body as {}', async () => {
    await request(app()).post('/echo').send({ title: 'Kế hoạch' }).expect(200, { body: { title: 'Kế hoạch' } });
    await request(app()).post('/echo').expect(200, { body: {} });
  });

  it.each([
    ['nesting deeper than the limit', 'application/json', '['.repeat(500) + ']'.repeat(500), 400, /nests objects and arrays 500 levels deep; at most 8/],
    ['malformed JSON', 'application/json', '{"a":', 400, /not valid JSON/],
    ['null', 'application/json', 'null', 400, /must be a JSON object .* not null/],
    ['an array', 'application/json', '[1]', 400, /not an array/],
    ['a number', 'application/json', '42', 400, /not a number/],
    ['form data', 'application/x-www-form-urlencoded', 'a=1', 415, /Content-Type: application\/json/],
    ['plain text', 'text/plain', '{"a":1}', 415, /not "text\/plain"/],
    ['another charset', 'application/json; charset=latin1', '{"a":1}', 415, /UTF-8/],
  ])('records %s as a problem for after the token check', async (_case, type, text, status, message) => {
    const res = await request(app()).post('/echo').set('content-type', type).send(text);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(message);
  });

  it('refuses a body over the limit at once with 413, whether its length is declared or streamed', async () => {
    const big = JSON.stringify({ note: 'x'.repeat(2000) });
    const declared = await request(app()).post('/echo').set('content-type', 'application/json').send(big);
    expect(declared.status).toBe(413);
    expect(declared.body.message).toMatch(/larger than the 1024 bytes accepted/);
  });

  it('finds operator keys however deep, without exhausting the stack', () => {
    let deep: Record<string, unknown> = { $where: 'x' };
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(findOperatorKey(deep)).toMatch(/^(a\.){100000}\$where$/);
  });
});
