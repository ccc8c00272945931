/**
 * Structural difference between two JSON values (the states of an entity at two versions).
 * Pure. Paths are JSON-pointer-like arrays rendered as "a.b[2].c"; objects are compared member by
 * member (keys in sorted order, so the result does not depend on key order), arrays element by
 * element (a longer array reports `added` elements, a shorter one `removed`).
 */
export type JsonDiffEntry =
  | { readonly op: 'added'; readonly path: string; readonly after: unknown }
  | { readonly op: 'removed'; readonly path: string; readonly before: unknown }
  | { readonly op: 'changed'; readonly path: string; readonly before: unknown; readonly after: unknown };

type Segment = string | number;

export function jsonDiff(before: unknown, after: unknown): JsonDiffEntry[] {
  const out: JsonDiffEntry[] = [];
  walk(normalise(before), normalise(after), [], out);
  return out;
}

/** JSON round trip: drops undefined members and functions, turns dates into strings, as stored state would be. */
function normalise(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function walk(a: unknown, b: unknown, path: Segment[], out: JsonDiffEntry[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out.push({ op: 'added', path: render(path), after: b });
    return;
  }
  if (b === undefined) {
    out.push({ op: 'removed', path: render(path), before: a });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(i < a.length ? a[i] : undefined, i < b.length ? b[i] : undefined, [...path, i], out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) walk(a[key], b[key], [...path, key], out);
    return;
  }
  if (a !== b) out.push({ op: 'changed', path: render(path), before: a, after: b });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function render(path: readonly Segment[]): string {
  if (path.length === 0) return '';
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
    .join('');
}
