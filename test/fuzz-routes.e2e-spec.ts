import fc from 'fast-check';
import { Client } from 'pg';
import mongoose from 'mongoose';
import { call, SERVICES, ServiceName, serviceUrl, tokenFor } from './support/platform';
import { invalidBodies, Mutation, OpenApiDocument, readRoutes, strangeIds, strangeQuery, unboundedFields, writeRoutes } from './support/openapi-fuzz';

/**
 * Every write route of every service, generated from its OpenAPI document and sent to the running
 * platform with invalid input: no 500, every refusal a 4xx with a message a person can act on (it
 * names the field when the problem is a field), and nothing written — the documents of every
 * service's database are counted before and after. Every read route gets strange query and path
 * values: no 500 either. The lint part refuses unbounded schemas: a
 * string without a length, pattern or enumeration, a number without a range, a list without a size,
 * a free-form object.
 */

/** Bounded runs so the whole test stays within a couple of minutes on two cores. */
const BODY_RUNS = Number(process.env.FUZZ_BODY_RUNS ?? 30);
const PATH_RUNS = Number(process.env.FUZZ_PATH_RUNS ?? 6);
const READ_RUNS = Number(process.env.FUZZ_READ_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

/** Read-only verifiers of a posted document (public, write nothing): a well-formed "not intact" answer is not a refusal. */
const VERIFIERS = new Set(['POST /audit/reports/verify', 'POST /audit/checkpoints/verify']);
/** A route whose body is a whole exported document verified as it is (any shape: it is what is checked). */
const FREE_FORM_ALLOWED = new Set(['POST /audit/reports/verify']);

/** Demo users tried in order until one holds a role the route accepts (the guard's 403 comes before validation). */
const CANDIDATE_USERS = ['qn.admin', 'ngokbay.officer', 'qn.trainer', 'qn.assessor', 'qn.council', 'ent.ngokbay', 'konrlong.officer'];

interface Sent {
  status: number;
  body: any;
}

async function send(service: ServiceName, method: string, path: string, token: string | undefined, body: string | undefined, contentType = 'application/json'): Promise<Sent> {
  const res = await fetch(`${serviceUrl(service)}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': contentType } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep the text: a refusal that is not JSON fails the checks below */
  }
  return { status: res.status, body: parsed };
}

function concretePath(route: { path: string }, ids: Record<string, string>): string {
  return route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(ids[name] ?? 'fz-missing'));
}

/** A message a person can act on: text (or a list of texts), bounded, without internals. */
function assertActionable(label: string, sent: Sent, mentions?: string): void {
  const message = sent.body?.message;
  const texts = Array.isArray(message) ? message : [message];
  if (!texts.length || !texts.every((t) => typeof t === 'string' && t.trim().length > 0)) {
    throw new Error(`${label}: ${sent.status} without a message: ${JSON.stringify(sent.body).slice(0, 300)}`);
  }
  const joined = texts.join(' ');
  if (/Something went wrong|\bat .+\.(js|ts):\d+|TypeError|RangeError|Mongo/.test(joined)) throw new Error(`${label}: internal message "${joined.slice(0, 300)}"`);
  if (joined.length > 20_000) throw new Error(`${label}: a message of ${joined.length} characters echoes the input`);
  if (mentions && !joined.toLowerCase().includes(mentions.toLowerCase())) {
    throw new Error(`${label}: the message does not name "${mentions}": "${joined.slice(0, 400)}"`);
  }
}

async function countStores(connection: mongoose.Connection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const { databases } = await connection.db!.admin().listDatabases();
  for (const { name } of databases.filter((d) => d.name.startsWith('nangsuat_'))) {
    const db = connection.getClient().db(name);
    for (const { name: collection } of await db.listCollections().toArray()) {
      counts[`${name}.${collection}`] = await db.collection(collection).countDocuments();
    }
  }
  // The event stores and read models, when they are in PostgreSQL: every row of every service's table.
  const url = process.env.EVENT_STORE_URL;
  if (url?.startsWith('postgres')) {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ schema: string; table: string }>(
        "SELECT table_schema AS schema, table_name AS table FROM information_schema.tables WHERE table_schema LIKE 'nangsuat\\_%' AND table_type = 'BASE TABLE'",
      );
      for (const { schema, table } of rows) {
        const { rows: [row] } = await pg.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}"."${table}"`);
        counts[`postgres ${schema}.${table}`] = Number(row.n);
      }
    } finally {
      await pg.end();
    }
  }
  return counts;
}

function differences(before: Record<string, number>, after: Record<string, number>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k] ?? 0} → ${after[k] ?? 0}`);
}

/** Counts once the platform is quiet (consumers of earlier tests may still be projecting). */
async function quietCounts(connection: mongoose.Connection): Promise<Record<string, number>> {
  let last = await countStores(connection);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 1500));
    const now = await countStores(connection);
    if (differences(last, now).length === 0) return now;
    last = now;
  }
  return last;
}

describe('fuzz of every route, generated from the OpenAPI documents', () => {
  const docs = new Map<ServiceName, OpenApiDocument>();
  let connection: mongoose.Connection;

  beforeAll(async () => {
    for (const service of SERVICES) {
      const { status, body } = await call(service, 'GET', '/docs-json');
      expect(status).toBe(200);
      docs.set(service, body as OpenApiDocument);
    }
    connection = await mongoose.createConnection(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017').asPromise();
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('finds the write routes of every service', () => {
    const counts = SERVICES.map((s) => writeRoutes(docs.get(s)!).length);
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(45);
  });

  it('documents a bounded schema for every write route: no unbounded text, number or list, no free-form object', () => {
    const problems: string[] = [];
    for (const service of SERVICES) {
      const doc = docs.get(service)!;
      for (const route of writeRoutes(doc)) {
        if (!route.body || FREE_FORM_ALLOWED.has(`${route.method} ${route.path}`)) continue;
        problems.push(...unboundedFields(route.body, doc).map((p) => `${service} ${route.method} ${route.path} ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses every invalid request with a 4xx that says what is wrong, and writes nothing', async () => {
    const before = await quietCounts(connection);
    const failures: string[] = [];
    let requests = 0;
    let routes = 0;
    const statuses: Record<number, number> = {};
    for (const service of SERVICES) {
      const doc = docs.get(service)!;
      for (const route of writeRoutes(doc)) {
        const label = `${service} ${route.method} ${route.path}`;
        routes++;
        const verifier = VERIFIERS.has(`${route.method} ${route.path}`);
        const refused = (sent: Sent) => sent.status >= 400 && sent.status < 500 && sent.status !== 401;
        const acceptable = (sent: Sent) => refused(sent) || (verifier && sent.status === 200);

        // A user whose role the route accepts, so the body reaches validation.
        let token: string | undefined;
        for (const user of CANDIDATE_USERS) {
          const candidate = await tokenFor(user);
          const probe = await send(service, route.method, concretePath(route, {}), candidate, JSON.stringify({ fuzzProbe: true }));
          requests++;
          if (probe.status !== 401 && probe.status !== 403) {
            token = candidate;
            break;
          }
        }
        if (!token) {
          failures.push(`${label}: no demo user passes the role check`);
          continue;
        }

        const check = async (what: string, sent: Sent, mentions?: string, expectStatus?: number) => {
          requests++;
          statuses[sent.status] = (statuses[sent.status] ?? 0) + 1;
          if (!acceptable(sent)) return failures.push(`${label} ${what}: answered ${sent.status} ${JSON.stringify(sent.body).slice(0, 300)}`);
          if (sent.status >= 400) {
            if (expectStatus && sent.status !== expectStatus) return failures.push(`${label} ${what}: ${sent.status}, expected ${expectStatus}: ${JSON.stringify(sent.body).slice(0, 300)}`);
            try {
              assertActionable(`${label} ${what}`, sent, mentions);
            } catch (e) {
              failures.push((e as Error).message);
            }
          }
        };

        // The body as a whole: not JSON, null, a list, malformed, nested 10,000 deep, oversized.
        const path = concretePath(route, {});
        await check('(text/plain body)', await send(service, route.method, path, token, 'title=x', 'text/plain'), 'Content-Type', 415);
        await check('(null body)', await send(service, route.method, path, token, 'null'), 'null', 400);
        await check('(a list as body)', await send(service, route.method, path, token, '[{}]'), 'object', 400);
        await check('(malformed JSON)', await send(service, route.method, path, token, '{"a":'), 'JSON', 400);
        await check('(nested 10,000 deep)', await send(service, route.method, path, token, '['.repeat(10_000) + ']'.repeat(10_000)), 'deep', 400);
        await check('(300 kB body)', await send(service, route.method, path, token, JSON.stringify({ note: 'x'.repeat(300_000) })), 'larger', 413);
        // Without a token: 401 whatever the body.
        const anonymous = await send(service, route.method, path, undefined, '['.repeat(10_000) + ']'.repeat(10_000));
        requests++;
        if (!verifier && anonymous.status !== 401) failures.push(`${label}: without a token and with a deep body, ${anonymous.status} instead of 401`);

        // Path parameters that name nothing.
        if (route.pathParams.length > 0) {
          await fc.assert(
            fc.asyncProperty(fc.record(Object.fromEntries(route.pathParams.map((p) => [p, strangeIds]))), async (ids) => {
              await check(`(path ${JSON.stringify(ids).slice(0, 80)})`, await send(service, route.method, concretePath(route, ids), token, '{}'));
            }),
            { numRuns: PATH_RUNS, seed: SEED },
          );
        }

        // A verifier of posted documents checks any JSON object it is given, and says whether it holds.
        if (verifier) {
          await fc.assert(
            fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
              await check(`(document ${JSON.stringify(value).slice(0, 60)})`, await send(service, route.method, path, token, JSON.stringify(value)));
            }),
            { numRuns: BODY_RUNS, seed: SEED },
          );
        }

        // Field by field: each generated body breaks one rule its schema states.
        if (route.body && !FREE_FORM_ALLOWED.has(`${route.method} ${route.path}`)) {
          const { base, mutations, always } = invalidBodies(route.body, doc);
          await fc.assert(
            fc.asyncProperty(mutations, async (mutation: Mutation) => {
              await check(`(${mutation.describe})`, await send(service, route.method, path, token, JSON.stringify(mutation.apply(base))), mutation.mentions, verifier ? undefined : 400);
            }),
            { numRuns: BODY_RUNS + always.length, seed: SEED, examples: always.map((m) => [m]) },
          );
        }
      }
    }
    await new Promise((r) => setTimeout(r, 3000)); // anything written would reach the read models and the ledger by now
    const after = await countStores(connection);
    process.stdout.write(`fuzz: ${routes} write routes, ${requests} requests (answers ${JSON.stringify(statuses)}), seed ${SEED}, ${failures.length} failure(s)\n`);
    expect({ failures: failures.slice(0, 60), total: failures.length }).toEqual({ failures: [], total: 0 });
    expect(differences(before, after)).toEqual([]);
  }, 900_000);

  it('answers strange query and path values on every read route without a 500, refusals saying what is wrong', async () => {
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    let requests = 0;
    for (const service of SERVICES) {
      for (const route of readRoutes(docs.get(service)!)) {
        if (route.path.startsWith('/diagnostics/')) continue; // a Kafka round trip per request; its parameter is an enumeration checked first
        let token: string | undefined;
        for (const user of [...CANDIDATE_USERS, 'auditor.vn']) {
          const candidate = await tokenFor(user);
          const probe = await send(service, 'GET', concretePath(route, {}), candidate, undefined);
          requests++;
          if (probe.status !== 401 && probe.status !== 403) {
            token = candidate;
            break;
          }
        }
        if (!token) continue; // a route no demo user may read (none today): nothing to fuzz past the guard
        await fc.assert(
          fc.asyncProperty(fc.record(Object.fromEntries(route.pathParams.map((p) => [p, strangeIds]))), strangeQuery(route.queryParams), async (ids, query) => {
            const url = `${concretePath(route, ids)}${query}`;
            const sent = await send(service, 'GET', url, token, undefined);
            requests++;
            statuses[sent.status] = (statuses[sent.status] ?? 0) + 1;
            const label = `${service} GET ${url.slice(0, 160)}`;
            if (sent.status >= 500) failures.push(`${label}: ${sent.status} ${JSON.stringify(sent.body).slice(0, 200)}`);
            else if (sent.status >= 400) {
              try {
                assertActionable(label, sent);
              } catch (e) {
                failures.push((e as Error).message);
              }
            }
          }),
          { numRuns: READ_RUNS, seed: SEED },
        );
      }
    }
    process.stdout.write(`fuzz (reads): ${requests} requests (answers ${JSON.stringify(statuses)}), seed ${SEED}, ${failures.length} failure(s)\n`);
    expect({ failures: failures.slice(0, 60), total: failures.length }).toEqual({ failures: [], total: 0 });
  }, 600_000);
});
