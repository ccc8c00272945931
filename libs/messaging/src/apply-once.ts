import type { mongo } from 'mongoose';
import { isDuplicateKey } from '@nangsuat/read-models';

type Document = mongo.Document;
type Collection<T extends Document> = mongo.Collection<T>;
type Filter<T> = mongo.Filter<T>;
type UpdateFilter<T> = mongo.UpdateFilter<T>;

/**
 * Applies a projection update to one document at most once per event, in a single-document write:
 * the event id is recorded in the document together with the change (`appliedEventIds`, the last
 * `keep` ids). Returns false when the event had already been applied.
 *
 * The filter must identify the document by `_id` so that a repeated upsert collides on it instead
 * of creating a second document.
 */
export async function applyOnce<T extends Document>(
  collection: Collection<T>,
  filter: Filter<T> & { _id: unknown },
  eventId: string,
  update: UpdateFilter<T>,
  keep = 500,
): Promise<boolean> {
  const push = { appliedEventIds: { $each: [eventId], $slice: -keep } };
  try {
    const result = await collection.updateOne(
      { ...filter, appliedEventIds: { $ne: eventId } } as Filter<T>,
      { ...update, $push: { ...((update as { $push?: object }).$push ?? {}), ...push } } as unknown as UpdateFilter<T>,
      { upsert: true },
    );
    return result.modifiedCount + result.upsertedCount > 0;
  } catch (error) {
    // The document exists and already holds this event id: the upsert's insert hit its _id.
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
