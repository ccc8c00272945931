import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { escapeRegex, Page, readPage, unitSubtree } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { ORGANISATION_LIST } from '../achievement-projections';
import { AchievementLoader } from '../achievement-loader';
import { organisationView, OrganisationView } from '../achievement-view';
import { ListOrganisationsQuery } from './list-organisations.query';

/** The registry of organisations is public to signed-in users: names of schools and hospitals are not personal data. */
@Injectable()
export class ListOrganisationsHandler {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly loader: AchievementLoader,
  ) {}

  async list(q: ListOrganisationsQuery): Promise<Page<Record<string, unknown>>> {
    const filter: Record<string, unknown>[] = [];
    if (q.unit) filter.push({ unitCode: { $in: unitSubtree(q.unit) } });
    if (q.kind) filter.push({ kind: q.kind });
    for (const token of searchTokens(q.q ?? '')) filter.push({ searchKey: { $regex: escapeRegex(token) } });
    const collection = this.readModels.collection(ORGANISATION_LIST);
    const where = filter.length ? { $and: filter } : {};
    return readPage(collection, where, q, { projection: { _id: 0, searchKey: 0, appliedEventIds: 0, _stream: 0 }, sort: { name: 1, organisationId: 1 } });
  }

  async get(organisationId: string): Promise<OrganisationView> {
    const { state, version } = await this.loader.organisation(organisationId);
    return organisationView(state, version);
  }
}
