import type { ReadModelStore } from '@nangsuat/read-models';
import type { HealthConcern } from '@nangsuat/service-runtime';

/** Open integrity anomalies (arrival checks, store reconciliation) turn the operators' health amber. */
export function integrityConcern(readModels: ReadModelStore): HealthConcern {
  return {
    name: 'integrity',
    async check() {
      const open = await readModels.collection('ledger.anomalies').countDocuments({ status: 'open' });
      return open === 0
        ? { status: 'ok', detail: 'no open integrity anomaly' }
        : { status: 'degraded', detail: `${open} open integrity anomal${open === 1 ? 'y' : 'ies'}: see GET /audit/anomalies?status=open` };
    },
  };
}
