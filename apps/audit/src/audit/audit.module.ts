import { Module } from '@nestjs/common';
import { AttachmentsModule } from '@nangsuat/attachments';
import { MessagingModule } from '@nangsuat/messaging';
import { VerifyAttachmentsController } from './attachments/verify-attachments.controller';
import { VerifyAttachmentsQuery } from './attachments/verify-attachments.query';
import { AnomaliesController, AnomaliesQuery } from './anomalies/anomalies.controller';
import { BackfillController } from './backfill/backfill.controller';
import { BackfillService } from './backfill/backfill.service';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { CheckpointsController } from './checkpoints/checkpoints.controller';
import { defaultTopicNaming, TOPIC_NAMING } from './common/contexts';
import { UnitScope } from './common/unit-scope';
import { CountTrailController } from './count-trail/count-trail.controller';
import { CountTrailQuery } from './count-trail/count-trail.query';
import { DiffController } from './diff/diff.controller';
import { DiffQuery } from './diff/diff.query';
import { DeciderRegistry } from './domain/decider-registry';
import { IngestEventHandler } from './ledger/ingest-event.handler';
import { LedgerConsumer } from './ledger/ledger.consumer';
import { LedgerRepository } from './ledger/ledger.repository';
import { PlanReportQuery } from './reports/plan-report.query';
import { NationalExportController } from './national-export/national-export.controller';
import { NationalExportQuery } from './national-export/national-export.query';
import { ReportsController } from './reports/reports.controller';
import { StateAsOfController } from './state-as-of/state-as-of.controller';
import { StateAsOfQuery } from './state-as-of/state-as-of.query';
import { StoreReconciliationController } from './store-reconciliation/store-reconciliation.controller';
import { reconciliationOptionsFromEnv, STORE_RECONCILIATION_OPTIONS, StoreReconciliation } from './store-reconciliation/store-reconciliation.service';
import { VerifyStreamController } from './stream-verification/verify-stream.controller';
import { VerifyStreamQuery } from './stream-verification/verify-stream.query';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineQuery } from './timeline/timeline.query';
import { UnitChangesController } from './unit-changes/unit-changes.controller';
import { UnitChangesQuery } from './unit-changes/unit-changes.query';
import { UserActivityController } from './user-activity/user-activity.controller';
import { UserActivityQuery } from './user-activity/user-activity.query';

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
    TimelineQuery,
    StateAsOfQuery,
    DiffQuery,
    VerifyStreamQuery,
    VerifyAttachmentsQuery,
    UserActivityQuery,
    UnitChangesQuery,
    CountTrailQuery,
    AnomaliesQuery,
    PlanReportQuery,
    NationalExportQuery,
  ],
  exports: [IngestEventHandler, LedgerRepository, CheckpointService, BackfillService, VerifyStreamQuery],
})
export class AuditModule {}
