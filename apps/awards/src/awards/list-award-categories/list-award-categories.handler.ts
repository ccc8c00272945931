import { Injectable, Inject } from '@nestjs/common';
import { escapeRegex, optionalDateInput, Page, unitSubtree, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { AWARD_CATEGORIES_COLLECTION } from '../categories/award-category-view';
import { ListAwardCategoriesQuery } from './list-award-categories.query';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

/** Award categories from the read model: a public catalogue for every signed-in user (nominators need it). */
@Injectable()
export class ListAwardCategoriesHandler {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  async handle(q: ListAwardCategoriesQuery): Promise<Page<Record<string, unknown>>> {
    const filter: Record<string, unknown> = {};
    if (q.unit) filter.unitCode = { $in: unitSubtree(q.unit) };
    const openOn = optionalDateInput(q.openOn, 'openOn');
    if (openOn) {
      filter.periodFrom = { $lte: openOn };
      filter.periodTo = { $gte: openOn };
    }
    const tokens = q.q ? searchTokens(q.q) : [];
    if (tokens.length) filter.$and = tokens.map((t) => ({ searchKey: { $regex: escapeRegex(t) } }));
    const collection = this.readModels.collection(AWARD_CATEGORIES_COLLECTION);
    return readPage(collection, filter, q, { projection: { _id: 0, searchKey: 0, periodFrom: 0, periodTo: 0, _stream: 0, _version: 0 }, sort: { periodFrom: -1, categoryId: 1 } });
  }
}
