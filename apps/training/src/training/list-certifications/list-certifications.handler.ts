import { Injectable, Inject } from '@nestjs/common';
import { AccessPolicy, isReadOnly } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { escapeRegex, optionalDateInput, Page, requireKnownUnit, unitSubtree, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { Clock } from '@nangsuat/service-runtime';
import { CERTIFICATIONS_COLLECTION } from '../certifications/certification-view';
import { vietnamDate } from '@nangsuat/contracts/training';
import { ListCertificationsQuery } from './list-certifications.query';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

/**
 * Certifications from the `training.certifications` read model (eventually consistent), within a
 * unit the caller may read. `total` with status=active counts applications; `distinctPersons`
 * counts experts (one person may hold two certifications).
 */
@Injectable()
export class ListCertificationsHandler {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async handle(actor: Actor, q: ListCertificationsQuery): Promise<Page<Record<string, unknown>> & { distinctPersons: number }> {
    const filter: Record<string, unknown> = {};
    const unit = q.unit ?? (isReadOnly(actor.roles) ? undefined : actor.unit);
    if (unit) {
      requireKnownUnit(unit, 'unit');
      this.access.assertCanRead(actor, unit);
      filter.unitCode = { $in: unitSubtree(unit) };
    }
    const today = vietnamDate(this.clock.nowIso());
    const on = optionalDateInput(q.on, 'on') ?? today;
    if (q.status === 'active') {
      filter.status = 'certified';
      filter.validFrom = { $lte: on };
      filter.validTo = { $gte: on };
    } else if (q.status) {
      filter.status = q.status;
    }
    if (q.level) filter.levelCode = q.level;
    const tokens = q.q ? searchTokens(q.q) : [];
    if (tokens.length) filter.$and = tokens.map((t) => ({ searchKey: { $regex: escapeRegex(t) } }));
    const collection = this.readModels.collection(CERTIFICATIONS_COLLECTION);
    const [page, persons] = await Promise.all([
      readPage<Record<string, any>>(collection, filter, q, { projection: { _id: 0, searchKey: 0, _stream: 0, _version: 0 }, sort: { certificationId: 1 } }),
      collection.find(filter, { projection: { _id: 0, personId: 1 } }).toArray(),
    ]);
    const items = page.items.map((d) => ({ ...d, activeToday: d.status === 'certified' && d.validFrom <= today && today <= d.validTo }));
    return { ...page, items, distinctPersons: new Set(persons.map((p) => p.personId)).size };
  }
}
