import { escapeRegex, Page, PageQuery, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import type { ReadModelStore } from '@nangsuat/read-models';
import { READ_MODEL_ARRAYS } from './read-models';

/** Every word of the query must occur in the document's searchKey (diacritics, case, punctuation ignored). */
export function textFilter(q: string | undefined): Record<string, unknown>[] {
  return searchTokens(q ?? '').map((token) => ({ searchKey: { $regex: escapeRegex(token) } }));
}

/** Joins filter parts with $and (no parts: everything). */
export function allOf(parts: readonly (Record<string, unknown> | null | undefined)[]): Record<string, unknown> {
  const present = parts.filter((p): p is Record<string, unknown> => !!p && Object.keys(p).length > 0);
  if (present.length === 0) return {};
  return present.length === 1 ? present[0] : { $and: present };
}

/** Read-model internals never shown to callers. */
const INTERNAL = ['_id', '_version', '_stream', 'searchKey'] as const;

export function publicView<T>(doc: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...doc };
  for (const key of INTERNAL) delete copy[key];
  return copy as T;
}

/** One page of a read model, newest first. */
export async function pageOf<T>(readModels: ReadModelStore, collection: string, filter: Record<string, unknown>, q: PageQuery): Promise<Page<T>> {
  const c = readModels.collection(collection, { arrays: READ_MODEL_ARRAYS });
  const page = await readPage<Record<string, unknown>>(c, filter, q, { sort: { createdAt: -1, _id: 1 } });
  return { ...page, items: page.items.map((d) => publicView<T>(d)) };
}
