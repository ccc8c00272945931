import type { Filter, Projection, SortSpec, Update } from '../ports';

/**
 * MongoDB filters, sorts and indexes as PostgreSQL over a table `(id text primary key, doc jsonb)`.
 * Every path becomes the same expression — `(doc #> '{a,b}')`, a jsonb value — in filters, ORDER BY
 * and CREATE INDEX, so that an index declared on a path serves the filters and sorts on it. Values
 * always travel as parameters; paths come from the code (checked: letters, digits, `_`).
 */
export class SqlParameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export class UnsupportedQuery extends Error {}

const SEGMENT = /^[A-Za-z0-9_]+$/;

/** Checks a dotted path (letters, digits, `_`) and gives its segments. */
export function pathSegments(path: string): string[] {
  const segments = path.split('.');
  if (!segments.every((s) => SEGMENT.test(s))) throw new UnsupportedQuery(`unsupported field path "${path}"`);
  return segments;
}

/**
 * Where a path's value is read from: a stored generated column holding it (for the fields a read
 * model filters and sorts on: small, indexed, read without unpacking the document), or the document.
 */
export type FieldColumns = (path: string) => string | undefined;
const noColumns: FieldColumns = () => undefined;

/** The jsonb expression of a dotted path, or the id column for `_id`. */
export function pathExpression(path: string, columns: FieldColumns = noColumns): string {
  if (path === '_id') return 'id';
  const segments = pathSegments(path);
  const column = columns(path);
  return column ? `"${column}"` : `(doc #> '{${segments.join(',')}}')`;
}

/** The same path as text (for regular expressions). */
export function textExpression(path: string, columns: FieldColumns = noColumns): string {
  if (path === '_id') return 'id';
  const column = columns(path);
  return column ? `("${column}" #>> '{}')` : `(doc #>> '{${pathSegments(path).join(',')}}')`;
}

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && Object.keys(value).some((k) => k.startsWith('$'));

const json = (value: unknown): string => JSON.stringify(value instanceof Date ? value.toISOString() : value);

const jsonType = (value: unknown): string => {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string' || value instanceof Date) return 'string';
  if (typeof value === 'boolean') return 'boolean';
  throw new UnsupportedQuery(`cannot compare with ${json(value)}`);
};

const idText = (value: unknown): string => {
  if (typeof value !== 'string') throw new UnsupportedQuery('document ids are strings');
  return value;
};

export interface FilterContext {
  readonly params: SqlParameters;
  /** Paths holding arrays: equality there means "contains". */
  readonly arrays: ReadonlySet<string>;
  readonly columns?: FieldColumns;
  /** The column of a search text's word fragments (see searchFragmentsFunction), if it has one. */
  readonly fragments?: FieldColumns;
}

/**
 * The longest word fragment stored for search: every Vietnamese syllable ("nghiêng" has 7 letters)
 * is whole, so a query word longer than this is a rare code; it is looked up by its first
 * SEARCH_FRAGMENT_LENGTH letters and checked by its regular expression.
 */
export const SEARCH_FRAGMENT_LENGTH = 8;

/**
 * `f(text) → jsonb`: every distinct substring (up to SEARCH_FRAGMENT_LENGTH characters) of each
 * space-separated word of a search key, e.g. "hop tac" → ["h","ho","hop","o","op","p","t",…].
 * A query word made only of letters and digits (no space) occurs in the text exactly when it is
 * one of these fragments — the substring semantics of the lists' `$regex` search — so one jsonb
 * containment over all the query's words finds the documents through a GIN index, and PostgreSQL
 * estimates how many match from sampled documents (all the words together, so "kaizen hợp tác",
 * whose words always come together, is estimated as common and the page is read in list order).
 */
export const searchFragmentsFunction = (qualifiedName: string): string => `CREATE FUNCTION ${qualifiedName}(key text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  word text; size int; start int; span int; found text[] := '{}';
BEGIN
  -- Each distinct word once: Vietnamese text repeats its syllables.
  FOREACH word IN ARRAY ARRAY(SELECT DISTINCT w FROM unnest(string_to_array(key, ' ')) AS w) LOOP
    size := length(word);
    FOR start IN 1..size LOOP
      FOR span IN 1..least(${SEARCH_FRAGMENT_LENGTH}, size - start + 1) LOOP
        found := array_append(found, substr(word, start, span));
      END LOOP;
    END LOOP;
  END LOOP;
  RETURN to_jsonb(ARRAY(SELECT DISTINCT f FROM unnest(found) AS f ORDER BY f));
END $$`;

/** A `$regex` that is a plain word (letters and digits: what escapeRegex leaves of a search token). */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Takes the plain-word `$regex` conditions on searchable paths out of a filter (at its top level
 * and inside `$and`, where the lists put one per query word), so that they become one containment
 * per path; whatever else the filter says stays as it is.
 */
function liftSearchWords(filter: Filter, fragments: FieldColumns, words: Map<string, string[]>): Filter {
  const rest: Filter = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value) && value.length > 0) {
      const members = value.map((member) => (member !== null && typeof member === 'object' && !Array.isArray(member) ? liftSearchWords(member as Filter, fragments, words) : member));
      const left = members.filter((member) => !(member !== null && typeof member === 'object' && Object.keys(member).length === 0));
      if (left.length > 0) rest.$and = left;
    } else if (
      !key.startsWith('$') &&
      fragments(key) &&
      isOperatorObject(value) &&
      Object.keys(value).length === 1 &&
      typeof value.$regex === 'string' &&
      PLAIN_WORD.test(value.$regex)
    ) {
      words.set(key, [...(words.get(key) ?? []), value.$regex]);
    } else {
      rest[key] = value;
    }
  }
  return rest;
}

function searchConditions(words: Map<string, string[]>, context: FilterContext): string[] {
  const parts: string[] = [];
  for (const [path, tokens] of words) {
    const fragments = [...new Set(tokens.map((token) => [...token].slice(0, SEARCH_FRAGMENT_LENGTH).join('')))].sort();
    parts.push(`"${context.fragments!(path)}" @> ${context.params.add(JSON.stringify(fragments))}::jsonb`);
    // Longer than a fragment: the fragment found candidates, the expression decides.
    for (const token of tokens) if ([...token].length > SEARCH_FRAGMENT_LENGTH) parts.push(`${textExpression(path, context.columns)} ~ ${context.params.add(token)}`);
  }
  return parts;
}

export function whereClause(filter: Filter | undefined, context: FilterContext): string {
  const words = new Map<string, string[]>();
  const rest = context.fragments && filter ? liftSearchWords(filter, context.fragments, words) : filter;
  return conditions(rest, context, searchConditions(words, context));
}

function conditions(filter: Filter | undefined, context: FilterContext, parts: string[] = []): string {
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (key === '$and' || key === '$or') {
      // As MongoDB: an empty list is refused rather than read as everything or nothing.
      if (!Array.isArray(value) || value.length === 0) throw new UnsupportedQuery(`${key} must be a nonempty array`);
      parts.push(`(${value.map((f) => conditions(f as Filter, context)).join(key === '$and' ? ' AND ' : ' OR ')})`);
    } else if (key.startsWith('$')) {
      throw new UnsupportedQuery(`unsupported operator ${key}`);
    } else if (isOperatorObject(value)) {
      for (const [op, operand] of Object.entries(value)) parts.push(condition(key, op, operand, context));
    } else {
      parts.push(condition(key, '$eq', value, context));
    }
  }
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}

const COMPARISONS: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

function condition(path: string, op: string, operand: unknown, { params, arrays, columns }: FilterContext): string {
  const isId = path === '_id';
  const expr = pathExpression(path, columns);
  const isArray = arrays.has(path);
  switch (op) {
    case '$eq':
      if (isId) return `id = ${params.add(idText(operand))}`;
      if (operand === null || operand === undefined) return `(${expr} IS NULL OR ${expr} = 'null'::jsonb)`;
      return isArray ? `${expr} @> ${params.add(json([operand]))}::jsonb` : `${expr} = ${params.add(json(operand))}::jsonb`;
    case '$ne':
      if (isId) return `id <> ${params.add(idText(operand))}`;
      if (operand === null || operand === undefined) return `(${expr} IS NOT NULL AND ${expr} <> 'null'::jsonb)`;
      return isArray
        ? `NOT coalesce(${expr} @> ${params.add(json([operand]))}::jsonb, false)`
        : `${expr} IS DISTINCT FROM ${params.add(json(operand))}::jsonb`;
    case '$in': {
      if (!Array.isArray(operand)) throw new UnsupportedQuery('$in takes a list');
      if (operand.length === 0) return 'FALSE';
      if (isId) return `id = ANY(${params.add(operand.map(idText))}::text[])`;
      if (isArray) return `(${operand.map((v) => `${expr} @> ${params.add(json([v]))}::jsonb`).join(' OR ')})`;
      return `${expr} = ANY(${params.add(operand.map(json))}::jsonb[])`;
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      if (isId) return `id ${COMPARISONS[op]} ${params.add(idText(operand))}`;
      // MongoDB compares within a type only: a string bound never matches a number.
      return `(jsonb_typeof(${expr}) = '${jsonType(operand)}' AND ${expr} ${COMPARISONS[op]} ${params.add(json(operand))}::jsonb)`;
    case '$exists':
      // A field holding null exists (as on MongoDB): only an absent path gives SQL NULL.
      if (typeof operand !== 'boolean') throw new UnsupportedQuery('$exists takes true or false');
      if (isId) return operand ? 'TRUE' : 'FALSE';
      return operand ? `${expr} IS NOT NULL` : `${expr} IS NULL`;
    case '$regex':
      if (typeof operand !== 'string') throw new UnsupportedQuery('$regex takes a string');
      return `${textExpression(path, columns)} ~ ${params.add(operand)}`;
    default:
      throw new UnsupportedQuery(`unsupported operator ${op} on ${path}`);
  }
}

/** ORDER BY as MongoDB sorts: missing values first ascending, last descending; ties by id. */
export function orderBy(sort: SortSpec | undefined, columns: FieldColumns = noColumns): string {
  const keys = Object.entries(sort ?? {});
  const terms = keys.map(([path, dir]) => (path === '_id' ? `id ${dir === -1 ? 'DESC' : 'ASC'}` : `${pathExpression(path, columns)} ${dir === -1 ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`));
  if (!keys.some(([path]) => path === '_id')) terms.push('id ASC');
  return `ORDER BY ${terms.join(', ')}`;
}

/** The key columns of an index over these paths (the same expressions the queries use). */
export function indexColumns(keys: Record<string, 1 | -1>, columns: FieldColumns = noColumns): string {
  return Object.entries(keys)
    .map(([path, dir]) => (path === '_id' ? 'id' : `${pathExpression(path, columns)} ${dir === -1 ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`))
    .join(', ');
}

/**
 * The part of the document a projection needs, cut in PostgreSQL (by top-level key) so that a
 * list of summaries does not carry each document's whole body (a course's trainees) to the
 * service; `project` then trims dotted paths exactly.
 */
export function documentExpression(projection: Projection | undefined, params: SqlParameters): string {
  const entries = Object.entries(projection ?? {}).filter(([key]) => key !== '_id');
  if (entries.length === 0) return 'doc';
  const topLevel = (on: 0 | 1) => [...new Set(entries.filter(([, v]) => v === on).map(([key]) => key.split('.')[0]))];
  if (entries.some(([, on]) => on === 1)) {
    return `(SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each(doc) WHERE key = ANY(${params.add(topLevel(1))}::text[])) AS doc`;
  }
  const whole = entries.filter(([key, on]) => on === 0 && !key.includes('.')).map(([key]) => key);
  return whole.length ? `(doc - ${params.add(whole)}::text[]) AS doc` : 'doc';
}

/** MongoDB's projection of a found document (inclusion or exclusion, dotted paths). */
export function project(document: Record<string, unknown>, projection: Projection | undefined): Record<string, unknown> {
  if (!projection || Object.keys(projection).length === 0) return document;
  const entries = Object.entries(projection);
  const including = entries.some(([key, on]) => on === 1 && key !== '_id');
  if (including) {
    const out: Record<string, unknown> = {};
    if (projection._id !== 0 && '_id' in document) out._id = document._id;
    for (const [path, on] of entries) {
      if (on !== 1 || path === '_id') continue;
      const value = getPath(document, path);
      if (value !== undefined) setPath(out, path, value);
    }
    if (projection._id === 1) out._id = document._id;
    return out;
  }
  const out = structuredClone(document);
  for (const [path, on] of entries) if (on === 0) deletePath(out, path);
  return out;
}

export function getPath(document: Record<string, unknown>, path: string): unknown {
  let at: unknown = document;
  for (const segment of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[segment];
  }
  return at;
}

export function setPath(document: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.');
  let at = document;
  for (const segment of segments.slice(0, -1)) {
    if (at[segment] === null || typeof at[segment] !== 'object') at[segment] = {};
    at = at[segment] as Record<string, unknown>;
  }
  at[segments[segments.length - 1]] = value;
}

function deletePath(document: Record<string, unknown>, path: string): void {
  const segments = path.split('.');
  let at: unknown = document;
  for (const segment of segments.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return;
    at = (at as Record<string, unknown>)[segment];
  }
  if (at !== null && typeof at === 'object') delete (at as Record<string, unknown>)[segments[segments.length - 1]];
}

/** The fields an upsert's new document takes from its filter: its plain equalities, as MongoDB does. */
export function equalitiesOf(filter: Filter): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$') || isOperatorObject(value)) continue;
    setPath(out, key, value);
  }
  return out;
}

/**
 * MongoDB's update operators applied to a document in memory (the row is locked meanwhile):
 * `$set`, `$inc` (a missing field counts from 0), `$addToSet` (one value), and on insert
 * `$setOnInsert`.
 */
export function applyUpdate(document: Record<string, unknown>, update: Update, inserting = false): Record<string, unknown> {
  const known = new Set(['$set', '$setOnInsert', '$inc', '$addToSet']);
  for (const operator of Object.keys(update)) if (!known.has(operator)) throw new UnsupportedQuery(`unsupported update operator ${operator}`);
  if (inserting) for (const [path, value] of Object.entries(update.$setOnInsert ?? {})) setPath(document, path, value);
  for (const [path, value] of Object.entries(update.$set ?? {})) setPath(document, path, value);
  for (const [path, by] of Object.entries(update.$inc ?? {})) {
    const now = getPath(document, path);
    if (now !== undefined && typeof now !== 'number') throw new UnsupportedQuery(`$inc on "${path}", which is not a number`);
    setPath(document, path, ((now as number | undefined) ?? 0) + by);
  }
  for (const [path, value] of Object.entries(update.$addToSet ?? {})) {
    const now = getPath(document, path);
    if (now !== undefined && !Array.isArray(now)) throw new UnsupportedQuery(`$addToSet on "${path}", which is not an array`);
    const list = (now as unknown[] | undefined) ?? [];
    const encoded = JSON.stringify(value);
    if (!list.some((v) => JSON.stringify(v) === encoded)) setPath(document, path, [...list, value]);
    else if (now === undefined) setPath(document, path, list);
  }
  return document;
}
