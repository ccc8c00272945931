import type { ReadModelStore } from '@nangsuat/read-models';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { formatDate } from '@nangsuat/vietnamese';
import { createReportingPeriodDecider, ReportingPeriodState } from '@nangsuat/contracts/plans';

export const REPORTING_PERIOD_LIST = 'reporting_period_list';
export const REPORTING_PERIOD_LIST_NAME = 'plans.reporting-periods';

/** One document per reporting period, for lists by unit, year and status. */
export const reportingPeriodListProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<ReportingPeriodState>(store, readModels, {
    name: REPORTING_PERIOD_LIST_NAME,
    collection: REPORTING_PERIOD_LIST,
    indexes: [{ dueDate: -1, periodId: 1 }, { unit: 1, dueDate: -1 }, { planId: 1 }],
    fields: ['year', 'status'],
    streamPrefix: 'reporting-period-',
    decider: createReportingPeriodDecider(),
    toDocument: (s, stream) => {
      if (s.status === 'none') return null;
      const last = s.submissions[s.submissions.length - 1];
      return {
        periodId: s.periodId,
        planId: s.planId,
        unit: s.unit,
        unitName: administrativeUnits.has(s.unit!) ? administrativeUnits.displayName(s.unit!) : s.unit,
        year: s.year,
        status: s.status,
        periodStart: s.periodStart,
        periodEnd: s.periodEnd,
        dueDate: s.dueDate,
        dueDateDisplay: formatDate(s.dueDate!),
        submissions: s.submissions.length,
        lastSubmittedAt: last?.submittedAt ?? null,
        late: last?.late ?? null,
        approvedAt: s.approvedAt ?? null,
        updatedAt: stream.updatedAt,
        updatedBy: stream.updatedBy,
      };
    },
  });
