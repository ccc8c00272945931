import type { ReadModelStore } from '@nangsuat/read-models';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { searchKey } from '@nangsuat/vietnamese';
import { createPlanDecider, PlanState } from '@nangsuat/contracts/plans';

export const PLAN_LIST = 'plan_list';
/** How lists read it: `horizonYears` is a list that a year filter matches by element. */
export const PLAN_LIST_SHAPE = { arrays: ['horizonYears'] } as const;

/** One document per plan for lists and search; the plan itself is read from its stream. */
export const planListProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<PlanState>(store, readModels, {
    name: 'plans.plan-list',
    collection: PLAN_LIST,
    ...PLAN_LIST_SHAPE,
    indexes: [{ issueDate: -1, planId: 1 }, { issuingUnit: 1 }],
    fields: ['status'],
    textSearch: ['searchKey'],
    streamPrefix: 'plan-',
    decider: createPlanDecider(),
    toDocument: (state, stream) => {
      const content = state.content;
      if (!content) return null;
      const unitName = administrativeUnits.has(content.issuingUnit) ? administrativeUnits.displayName(content.issuingUnit) : content.issuingUnit;
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
