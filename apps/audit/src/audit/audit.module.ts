import { Module } from '@nestjs/common';
import { AttachmentsModule } from '@nangsuat/attachments';
import { MessagingModule } from '@nangsuat/messaging';
import { VerifyAttachmentsController } from './attachments/verify-attachments.controller';
import { VerifyAttachmentsHandler } from './attachments/verify-attachments.handler';
import { AnomaliesController } from './anomalies/anomalies.controller';
import { AnomaliesHandler } from './anomalies/anomalies.handler';
import { BackfillController } from './backfill/backfill.controller';
import { BackfillService } from './backfill/backfill.service';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { CheckpointsController } from './checkpoints/checkpoints.controller';
import { defaultTopicNaming, TOPIC_NAMING } from './common/contexts';
import { UnitScope } from './common/unit-scope';
import { CountTrailController } from './count-trail/count-trail.controller';
import { CountTrailHandler } from './count-trail/count-trail.handler';
import { DiffController } from './diff/diff.controller';
import { DiffHandler } from './diff/diff.handler';
import { DeciderRegistry } from './domain/decider-registry';
import { IngestEventHandler } from './ledger/ingest-event.handler';
import { LedgerConsumer } from './ledger/ledger.consumer';
import { LedgerRepository } from './ledger/ledger.repository';
import { PlanReportHandler } from './reports/plan-report.handler';
import { NationalExportController } from './national-export/national-export.controller';
import { NationalExportHandler } from './national-export/national-export.handler';
import { ReportsController } from './reports/reports.controller';
import { StateAsOfController } from './state-as-of/state-as-of.controller';
import { StateAsOfHandler } from './state-as-of/state-as-of.handler';
import { StoreReconciliationController } from './store-reconciliation/store-reconciliation.controller';
import { reconciliationOptionsFromEnv, STORE_RECONCILIATION_OPTIONS, StoreReconciliation } from './store-reconciliation/store-reconciliation.service';
import { VerifyStreamController } from './stream-verification/verify-stream.controller';
import { VerifyStreamHandler } from './stream-verification/verify-stream.handler';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineHandler } from './timeline/timeline.handler';
import { UnitChangesController } from './unit-changes/unit-changes.controller';
import { UnitChangesHandler } from './unit-changes/unit-changes.handler';
import { UserActivityController } from './user-activity/user-activity.controller';
import { UserActivityHandler } from './user-activity/user-activity.handler';

const brokers = () => (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);

/**
 * The audit bounded context: a ledger of every context's events (Kafka), verified on arrival,
 * checkpointed per day, and the auditor's read-only API over it. One folder per use case.
 */
@Module({
  imports: [MessagingModule.forRoot({ brokers: brokers(), clientId: 'nangsuat-audit', relay: false }), AttachmentsModule],
  controllers: [
    LedgerConsumer,
    StoreReconciliationController,
    TimelineController,
    StateAsOfController,
    DiffController,
    VerifyStreamController,
    VerifyAttachmentsController,
    UserActivityController,
    UnitChangesController,
    CountTrailController,
    AnomaliesController,
    CheckpointsController,
    ReportsController,
    BackfillController,
    NationalExportController,
  ],
  providers: [
    { provide: TOPIC_NAMING, useValue: defaultTopicNaming },
    { provide: STORE_RECONCILIATION_OPTIONS, useFactory: () => reconciliationOptionsFromEnv() },
    StoreReconciliation,
    { provide: DeciderRegistry, useValue: new DeciderRegistry() },
    UnitScope,
    LedgerRepository,
    IngestEventHandler,
    BackfillService,
    CheckpointService,
    TimelineHandler,
    StateAsOfHandler,
    DiffHandler,
    VerifyStreamHandler,
    VerifyAttachmentsHandler,
    UserActivityHandler,
    UnitChangesHandler,
    CountTrailHandler,
    AnomaliesHandler,
    PlanReportHandler,
    NationalExportHandler,
  ],
  exports: [IngestEventHandler, LedgerRepository, CheckpointService, BackfillService, VerifyStreamHandler],
})
export class AuditModule {}
