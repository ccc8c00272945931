import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, platformRoles, Role } from '@nangsuat/auth';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation, Forbidden } from '@nangsuat/event-sourcing';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { Page, readPage } from '@nangsuat/service-runtime';
import { candidateUnits } from '@nangsuat/contracts/plans';
import { REPORTING_PERIOD_LIST } from './reporting-period-list.projection';
import { ListReportingPeriodsQuery } from './list-periods.query';

/** Reporting periods the caller may see (own unit's subtree; auditors all), from the period list read model, by due date. */
@Injectable()
export class ListReportingPeriodsHandler {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore, private readonly access: AccessPolicy) {}

  async handle(actor: Actor, q: ListReportingPeriodsQuery): Promise<Page<Record<string, unknown>>> {
    const roles = platformRoles(actor.roles);
    if (roles.length > 0 && roles.every((r) => r === Role.Enterprise)) throw new Forbidden('Enterprises have no access to reports.');
    const readable = administrativeUnits.all().map((u) => u.code).filter((code) => this.access.canRead(actor, code));
    const filter: Record<string, unknown>[] = [{ unit: { $in: readable } }];
    if (q.unit) {
      if (!administrativeUnits.has(q.unit)) throw new DomainRuleViolation(`Unknown administrative unit "${q.unit}".`, 'unknown-unit');
      filter.push({ unit: { $in: candidateUnits(q.unit) } });
    }
    if (q.year) filter.push({ year: q.year });
    if (q.status) filter.push({ status: q.status });
    if (q.planId) filter.push({ planId: q.planId });
    const where = { $and: filter };
    const collection = this.readModels.collection(REPORTING_PERIOD_LIST);
    return readPage(collection, where, q, { projection: { _id: 0, _stream: 0, _version: 0 }, sort: { dueDate: -1, periodId: 1 } });
  }
}
