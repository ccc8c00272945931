import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { escapeRegex, Page, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { PLAN_LIST, PLAN_LIST_SHAPE } from './plan-list.projection';
import { ListPlansQuery } from './list-plans.query';

/** Units whose plans a person may see as drafts: those they may read. */
function unitsReadableBy(actor: Actor, access: AccessPolicy): string[] {
  return administrativeUnits.all().map((u) => u.code).filter((code) => access.canRead(actor, code));
}

function unitSubtree(code: string): string[] {
  if (!administrativeUnits.has(code)) throw new DomainRuleViolation(`Unknown administrative unit "${code}".`, 'unknown-unit');
  return administrativeUnits.all().map((u) => u.code).filter((c) => administrativeUnits.isWithin(c, code));
}

/** Plans from the plan list read model, newest first: issued plans for everyone signed in, drafts for those who may read their unit. */
@Injectable()
export class ListPlansHandler {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore, private readonly access: AccessPolicy) {}

  async handle(actor: Actor, query: ListPlansQuery): Promise<Page<Record<string, unknown>>> {
    const filter: Record<string, unknown>[] = [
      { $or: [{ status: { $ne: 'draft' } }, { issuingUnit: { $in: unitsReadableBy(actor, this.access) } }] },
    ];
    if (query.unit) filter.push({ issuingUnit: { $in: unitSubtree(query.unit) } });
    if (query.status) filter.push({ status: query.status });
    if (query.year) filter.push({ horizonYears: query.year });
    for (const token of searchTokens(query.q ?? '')) filter.push({ searchKey: { $regex: escapeRegex(token) } });
    const collection = this.readModels.collection(PLAN_LIST, PLAN_LIST_SHAPE);
    const where = { $and: filter };
    return readPage(collection, where, query, { projection: { _id: 0, searchKey: 0, appliedEventIds: 0, _stream: 0 }, sort: { issueDate: -1, planId: 1 } });
  }
}
