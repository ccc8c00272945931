import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AuditorOnly } from '../common/auditor-only';
import { StoreReconciliation } from './store-reconciliation.service';

@Controller('audit/stores')
@AuditorOnly()
export class StoreReconciliationController {
  constructor(private readonly reconciliation: StoreReconciliation) {}

  @Get(':context/reconcile')
  @ApiOperation({
    summary: "Reconcile a service's own event store with the ledger now",
    description:
      'Reads both in global order and names every event that was edited, removed, inserted or replaced, and which copy changed (the service store or the ledger). Findings are also recorded as anomalies. The same runs every minute on its own.',
  })
  reconcile(@Param('context') context: string) {
    return this.reconciliation.reconcile(context);
  }
}
