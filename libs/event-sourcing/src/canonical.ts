import * as crypto from 'node:crypto';

/**
 * Canonical JSON: object keys sorted (recursively), no whitespace, `undefined` members dropped as
 * JSON.stringify does. Two semantically equal events always serialise to the same bytes, whatever
 * order the driver or a person editing the document left the keys in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * The canonical JSON of an object some of whose members' canonical JSON is already known (the
 * metadata every event of a commit shares): the same bytes as `canonicalJson(value)`, without
 * sorting and serialising those members again for each event.
 */
export function canonicalJsonWith(value: Record<string, unknown>, known: Readonly<Record<string, string>>): string {
  // The members in the order sortKeys leaves them: sorted, then as an object orders its keys
  // (integer-like keys first) — assigned the same way, so `__proto__` drops out the same way too.
  const order: Record<string, true> = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) order[key] = true;
  const members = Object.keys(order).map((key) => `${JSON.stringify(key)}:${Object.hasOwn(known, key) ? known[key] : canonicalJson(value[key])}`);
  return `{${members.join(',')}}`;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

/** Node's one-shot digest (20.12 and later): the same digest without a Hash object per call (0.65 instead of 0.98 µs of CPU for an event). */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
