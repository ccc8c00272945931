import fc from 'fast-check';

/**
 * Request generation from a service's OpenAPI document (/docs-json) for the fuzz test: a plausible
 * body built from each schema, and mutations of it that the schema itself declares invalid (a
 * required field removed, a wrong type, a string too long, a number out of range, a value outside an
 * enumeration or pattern, an impossible date, an unknown field, an operator object, deep nesting),
 * so every generated request must be refused, and refused with a 4xx naming what is wrong.
 */

export interface Schema {
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  minItems?: number;
  example?: unknown;
  additionalProperties?: unknown;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string; schema?: Schema }[] }>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface WriteRoute {
  readonly method: string;
  /** OpenAPI path, e.g. /plans/{planId}/issue */
  readonly path: string;
  readonly pathParams: string[];
  /** Resolved body schema; undefined when the route takes no body. */
  readonly body?: Schema;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Follows $ref and merges allOf, so a schema can be read directly. */
export function resolve(schema: Schema | undefined, doc: OpenApiDocument, seen = new Set<string>()): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return { type: 'object' };
    const { $ref: _ref, ...rest } = schema;
    return { ...resolve(doc.components?.schemas?.[name], doc, new Set([...seen, name])), ...rest };
  }
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    return allOf.reduce<Schema>((acc, part) => ({ ...acc, ...resolve(part, doc, seen) }), rest);
  }
  return schema;
}

export function writeRoutes(doc: OpenApiDocument): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (!WRITE_METHODS.includes(method)) continue;
      const body = resolve(op.requestBody?.content?.['application/json']?.schema, doc);
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      routes.push({ method: method.toUpperCase(), path, pathParams, body });
    }
  }
  return routes;
}

/** Problems that make a schema unbounded or free-form: what the lint part of the fuzz test refuses. */
export function unboundedFields(schema: Schema, doc: OpenApiDocument, at = '', seen = new Set<Schema>()): string[] {
  const s = resolve(schema, doc)!;
  if (seen.has(s)) return [];
  seen.add(s);
  const problems: string[] = [];
  const here = at || '(body)';
  switch (s.type) {
    case 'string':
      if (s.maxLength === undefined && !s.enum && !s.pattern) problems.push(`${here}: a string without maxLength, pattern or enum`);
      break;
    case 'number':
    case 'integer':
      if (s.minimum === undefined || s.maximum === undefined) problems.push(`${here}: a number without minimum and maximum`);
      break;
    case 'array':
      if (s.maxItems === undefined) problems.push(`${here}: a list without maxItems`);
      if (s.items) problems.push(...unboundedFields(s.items, doc, `${here}[]`, seen));
      else problems.push(`${here}: a list without an item schema`);
      break;
    case 'boolean':
      break;
    default:
      if (!s.properties || Object.keys(s.properties).length === 0) problems.push(`${here}: an object without a schema (free-form)`);
      for (const [key, child] of Object.entries(s.properties ?? {})) problems.push(...unboundedFields(child, doc, at ? `${at}.${key}` : key, seen));
  }
  return problems;
}

// ------------------------------------------------------------------------------------------------
// A plausible value for a schema

const PATTERN_CANDIDATES = ['fz-1', '51-NGOKBAY', '51', 'p-7f3a9c', 'mst-6101234567', 'qn.admin', '2.1', '4009/KH-UBND', '2025', 'a'];

export function plausible(schema: Schema | undefined, doc: OpenApiDocument, depth = 0): unknown {
  const s = resolve(schema, doc) ?? {};
  if (s.example !== undefined && depth > 0) return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'string': {
      if (s.format === 'calendar-date') return '01/07/2025';
      if (s.pattern) {
        const re = new RegExp(s.pattern, 'u');
        return PATTERN_CANDIDATES.find((c) => re.test(c)) ?? 'x';
      }
      return 'Kế hoạch'.padEnd(Math.max(s.minLength ?? 1, 8), '.').slice(0, s.maxLength ?? 100);
    }
    case 'integer':
    case 'number':
      return Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return depth > 6 ? [] : Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => plausible(s.items, doc, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      for (const [key, child] of Object.entries(s.properties ?? {})) out[key] = plausible(child, doc, depth + 1);
      return out;
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Mutations that the schema declares invalid

export interface Mutation {
  readonly describe: string;
  /** A word the refusal's message must contain (the field's name), when the refusal is about a field. */
  readonly mentions?: string;
  apply(body: Record<string, unknown>): unknown;
}

interface Site {
  /** Path from the body root to the parent object (keys and array indexes). */
  readonly parent: (string | number)[];
  readonly key: string;
  readonly schema: Schema;
  readonly required: boolean;
  /** The last named key on the path (array items have none of their own). */
  readonly name: string;
}

function sitesOf(schema: Schema, doc: OpenApiDocument, value: unknown, parent: (string | number)[] = [], out: Site[] = []): Site[] {
  const s = resolve(schema, doc)!;
  if (!s.properties || value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(s.properties)) {
    const c = resolve(child, doc)!;
    const childValue = (value as Record<string, unknown>)[key];
    out.push({ parent, key, schema: c, required: (s.required ?? []).includes(key), name: key });
    if (c.type === 'array' && Array.isArray(childValue) && childValue.length > 0) {
      const items = resolve(c.items, doc);
      if (items?.properties) sitesOf(items, doc, childValue[0], [...parent, key, 0], out);
    } else if (c.properties) {
      sitesOf(c, doc, childValue, [...parent, key], out);
    }
  }
  return out;
}

function at(body: unknown, path: (string | number)[]): Record<string, unknown> {
  let here = body as Record<string | number, unknown>;
  for (const step of path) here = here[step] as Record<string | number, unknown>;
  return here as Record<string, unknown>;
}

function setting(site: Site, describe: string, value: unknown): Mutation {
  return {
    describe: `${[...site.parent, site.key].join('.')}: ${describe}`,
    mentions: site.name,
    apply(body) {
      const copy = structuredClone(body);
      at(copy, site.parent)[site.key] = value;
      return copy;
    },
  };
}

function nested(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v };
  return v;
}

const INJECTIONS = ['$where', 'a.b', '../../etc/passwd', '{"$gt": ""}', "'; DROP TABLE plans; --", '<script>alert(1)</script>', '\u0000', '𝕏'.repeat(3), ' ', 'null'];
const NOT_DATES = ['2025-13-01', '31/02/2025', '2025-02-30', 'hôm qua', '0000-00-00', '32/01/2025', '2025-1-1T00:00'];
const wrongTypes: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant(['text'])),
  number: fc.oneof(fc.constant('12'), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant('1e308')),
  integer: fc.oneof(fc.constant('12'), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant(1.5)),
  boolean: fc.oneof(fc.constant('true'), fc.integer(), fc.constant([]), fc.constant({})),
  array: fc.oneof(fc.constant('a'), fc.integer(), fc.constant({})),
  object: fc.oneof(fc.constant('a'), fc.integer(), fc.constant([]), fc.boolean()),
};

/** Every invalid variation of one field its schema allows us to make. */
function mutationsOf(site: Site): fc.Arbitrary<Mutation>[] {
  const s = site.schema;
  const type = s.type ?? 'object';
  const out: fc.Arbitrary<Mutation>[] = [];
  if (site.required) {
    out.push(
      fc.constant<Mutation>({
        describe: `${[...site.parent, site.key].join('.')}: removed (required)`,
        mentions: site.name,
        apply(body) {
          const copy = structuredClone(body);
          delete at(copy, site.parent)[site.key];
          return copy;
        },
      }),
      fc.constant(setting(site, 'null (required)', null)),
    );
  }
  out.push((wrongTypes[type] ?? wrongTypes.object).map((v) => setting(site, `wrong type ${JSON.stringify(v)}`, v)));
  out.push(fc.constantFrom({ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }).map((v) => ({ ...setting(site, `operator ${JSON.stringify(v)}`, v), mentions: '$' })));
  out.push(fc.integer({ min: 33, max: 400 }).map((d) => ({ ...setting(site, `nested ${d} deep`, nested(d)), mentions: 'deep' })));
  if (type === 'string') {
    if (s.maxLength !== undefined) out.push(fc.integer({ min: s.maxLength + 1, max: s.maxLength + 5000 }).map((n) => setting(site, `${n} characters (max ${s.maxLength})`, 'ă'.repeat(n))));
    if ((s.minLength ?? 0) > 0) out.push(fc.constant(setting(site, 'empty text', '')));
    if (s.enum) out.push(fc.constantFrom(...INJECTIONS, 'unknown-value').filter((v) => !s.enum!.includes(v)).map((v) => setting(site, `not in the enumeration: ${v}`, v)));
    if (s.pattern) {
      const re = new RegExp(s.pattern, 'u');
      out.push(fc.constantFrom(...INJECTIONS, 'x'.repeat(300)).filter((v) => !re.test(v)).map((v) => setting(site, `not matching ${s.pattern}: ${v.slice(0, 20)}`, v)));
    }
    if (s.format === 'calendar-date') out.push(fc.constantFrom(...NOT_DATES).map((v) => setting(site, `not a date: ${v}`, v)));
  }
  if (type === 'number' || type === 'integer') {
    if (s.maximum !== undefined) out.push(fc.constantFrom(s.maximum + 1, s.maximum * 10 + 1, 1e308).map((v) => setting(site, `${v} above the maximum ${s.maximum}`, v)));
    if (s.minimum !== undefined) out.push(fc.constantFrom(s.minimum - 1, -1e308).map((v) => setting(site, `${v} below the minimum ${s.minimum}`, v)));
    if (type === 'integer') out.push(fc.constant(setting(site, 'a fraction for a whole number', (s.minimum ?? 0) + 0.5)));
  }
  if (type === 'array') {
    if ((s.minItems ?? 0) > 0) out.push(fc.constant(setting(site, `empty list (min ${s.minItems})`, [])));
    if (s.maxItems !== undefined && s.maxItems < 2000) out.push(fc.constant(setting(site, `${s.maxItems + 1} items (max ${s.maxItems})`, Array.from({ length: s.maxItems + 1 }, () => 'x'))));
    const item = s.items ?? {};
    if (item.type === 'string' && item.maxLength !== undefined) out.push(fc.constant(setting(site, `an item over ${item.maxLength} characters`, ['ă'.repeat(item.maxLength + 1)])));
    if (item.enum) out.push(fc.constant(setting(site, 'an item outside the enumeration', ['unknown-value'])));
    if (item.type === 'integer' || item.type === 'number') out.push(fc.constant(setting(site, 'an item out of range', [1e308])));
  }
  return out;
}

/** Unknown fields: refused wherever a schema lists the known ones. */
function extraField(schema: Schema, doc: OpenApiDocument, body: unknown): fc.Arbitrary<Mutation>[] {
  const objects: { path: (string | number)[]; known: string[] }[] = [{ path: [], known: Object.keys(resolve(schema, doc)?.properties ?? {}) }];
  for (const site of sitesOf(schema, doc, body)) {
    const value = at(body, [...site.parent])[site.key];
    if (site.schema.properties && value && typeof value === 'object' && !Array.isArray(value)) objects.push({ path: [...site.parent, site.key], known: Object.keys(site.schema.properties) });
  }
  const names = fc.oneof(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,20}$/), fc.constantFrom('isAdmin', 'streamVersion', 'actor', 'recordedAt'));
  return [
    fc.tuple(fc.constantFrom(...objects), names).filter(([o, name]) => !o.known.includes(name)).map(([o, name]) => ({
      describe: `${[...o.path, name].join('.')}: unknown field`,
      mentions: name,
      apply(b: Record<string, unknown>) {
        const copy = structuredClone(b);
        Object.defineProperty(at(copy, o.path), name, { value: 'x', enumerable: true, writable: true, configurable: true });
        return copy;
      },
    })),
  ];
}

const ONE_WRONG_TYPE: Record<string, unknown> = { string: 12, number: '12', integer: '12', boolean: 'true', array: 'a', object: 'a' };

/**
 * An arbitrary over every invalid variation of a route's body, and the variations always tried
 * (fast-check examples): each top-level field removed when required, null when required, of a wrong type.
 */
export function invalidBodies(schema: Schema, doc: OpenApiDocument): { base: Record<string, unknown>; mutations: fc.Arbitrary<Mutation>; always: Mutation[] } {
  const base = plausible(schema, doc) as Record<string, unknown>;
  const sites = sitesOf(schema, doc, base);
  const arbitraries = [...sites.flatMap(mutationsOf), ...extraField(schema, doc, base)];
  const always = sites
    .filter((site) => site.parent.length === 0)
    .flatMap((site) => [
      ...(site.required
        ? [
            {
              describe: `${site.key}: removed (required)`,
              mentions: site.name,
              apply(body: Record<string, unknown>) {
                const copy = structuredClone(body);
                delete copy[site.key];
                return copy;
              },
            },
            setting(site, 'null (required)', null),
          ]
        : []),
      setting(site, 'of a wrong type', ONE_WRONG_TYPE[site.schema.type ?? 'object']),
    ]);
  return { base, mutations: fc.oneof(...arbitraries), always };
}

/** Path parameter values that name nothing: injection strings, odd characters, over-long ids. */
export const strangeIds: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS.filter((v) => v.trim() !== ''), 'x'.repeat(10_000), 'Đắk-Lắk', 'fz-missing'),
  fc.string({ minLength: 1, maxLength: 80 }).map((s) => `fz-${s}`),
);

export interface ReadRoute {
  readonly path: string;
  readonly pathParams: string[];
  readonly queryParams: { name: string; schema?: Schema }[];
}

export function readRoutes(doc: OpenApiDocument): ReadRoute[] {
  return Object.entries(doc.paths)
    .filter(([, operations]) => operations.get)
    .map(([path, operations]) => {
      const parameters = operations.get.parameters ?? [];
      return {
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
      };
    });
}

const STRANGE_QUERY_VALUES = [...INJECTIONS, ...NOT_DATES, '-1', '0', '1e308', '999999999999', 'NaN', 'x'.repeat(5000), '%', '[object Object]', 'true'];

/** A query string giving strange values to some of the route's parameters (a parameter may repeat). */
export function strangeQuery(params: { name: string }[]): fc.Arbitrary<string> {
  if (params.length === 0) return fc.constant('');
  return fc
    .array(fc.tuple(fc.constantFrom(...params.map((p) => p.name)), fc.oneof(fc.constantFrom(...STRANGE_QUERY_VALUES), fc.string({ maxLength: 30 }))), { minLength: 1, maxLength: 4 })
    .map((pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`);
}
