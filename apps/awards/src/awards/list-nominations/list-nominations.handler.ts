import { Injectable, Inject } from '@nestjs/common';
import { AccessPolicy, isReadOnly } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { escapeRegex, Page, requireKnownUnit, unitSubtree, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { NOMINATIONS_COLLECTION } from '../nominations/nomination-view';
import { ListNominationsQuery } from './list-nominations.query';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

/** Nominations from the `awards.nominations` read model (eventually consistent), within a unit the caller may read. */
@Injectable()
export class ListNominationsHandler {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly access: AccessPolicy,
  ) {}

  async handle(actor: Actor, q: ListNominationsQuery): Promise<Page<Record<string, unknown>>> {
    const filter: Record<string, unknown> = {};
    const unit = q.unit ?? (isReadOnly(actor.roles) ? undefined : actor.unit);
    if (unit) {
      requireKnownUnit(unit, 'unit');
      this.access.assertCanRead(actor, unit);
      filter.unitCode = { $in: unitSubtree(unit) };
    }
    if (q.category) filter.categoryId = q.category;
    if (q.status) filter.status = q.status;
    if (q.outcome) filter['decision.outcome'] = q.outcome;
    const tokens = q.q ? searchTokens(q.q) : [];
    if (tokens.length) filter.$and = tokens.map((t) => ({ searchKey: { $regex: escapeRegex(t) } }));
    const collection = this.readModels.collection(NOMINATIONS_COLLECTION);
    return readPage(collection, filter, q, { projection: { _id: 0, searchKey: 0, _stream: 0, _version: 0 }, sort: { submittedAt: -1, nominationId: 1 } });
  }
}
