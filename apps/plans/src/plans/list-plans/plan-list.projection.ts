import type { Connection } from 'mongoose';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { searchKey } from '@nangsuat/vietnamese';
import { createPlanDecider, PlanState } from '../domain/plan';

export const PLAN_LIST = 'plan_list';

/** One document per plan for lists and search; the plan itself is read from its stream. */
export const planListProjection = (store: EventStorePort, connection: Connection) =>
  new StreamStateProjection<PlanState>(store, connection, {
    name: 'plans.plan-list',
    collection: PLAN_LIST,
    streamPrefix: 'plan-',
    decider: createPlanDecider(),
    toDocument: (state, stream) => {
      const content = state.content;
      if (!content) return null;
      const unitName = seedUnitTree.has(content.issuingUnit) ? seedUnitTree.displayName(content.issuingUnit) : content.issuingUnit;
      return {
        planId: state.planId,
        status: state.status,
        version: state.version,
        documentNumber: content.documentNumber ?? null,
        title: content.title,
        issuingUnit: content.issuingUnit,
        issuingUnitName: unitName,
        issueDate: content.issueDate ?? null,
        horizonYears: content.horizonYears,
        implementsPlan: content.implementsPlan ?? null,
        targets: content.targets.length,
        updatedAt: stream.updatedAt,
        updatedBy: stream.updatedBy,
        searchKey: searchKey([content.title, content.documentNumber ?? '', unitName, content.issuingBody ?? ''].join(' ')),
      };
    },
  });
