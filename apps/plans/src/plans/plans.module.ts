import { Module } from '@nestjs/common';
import { AttachmentsModule, RecordAttachments } from '@nangsuat/attachments';
import { ProjectionsModule } from '@nangsuat/projections';
import { IndicatorsModule } from '../indicators/indicators.module';
import { AchievementsModule } from '../achievements/achievements.module';
import { achievementListProjection, organisationListProjection } from '../achievements/achievement-projections';
import { PlanAttachmentsController } from './attach-document/plan-attachments.controller';
import { AttachPlanDocumentHandler } from './attach-document/attach-document.handler';
import { ExportPlansController } from './export-plans/export-plans.controller';
import { AmendPlanController } from './amend-plan/amend-plan.controller';
import { ClosePlanController } from './close-plan/close-plan.controller';
import { DraftPlanController } from './draft-plan/draft-plan.controller';
import { GetPlanController } from './get-plan/get-plan.controller';
import { GetPlanHandler } from './get-plan/get-plan.handler';
import { IssuePlanController } from './issue-plan/issue-plan.controller';
import { ListPlansController } from './list-plans/list-plans.controller';
import { ListPlansHandler } from './list-plans/list-plans.handler';
import { planListProjection } from './list-plans/plan-list.projection';
import { ManageTargetsController } from './manage-targets/manage-targets.controller';
import { PlanCommands } from './plan-commands';
import { DraftPlanHandler } from './draft-plan/draft-plan.handler';
import { ReviseDraftHandler } from './revise-draft/revise-draft.handler';
import { ManageTargetsHandler } from './manage-targets/manage-targets.handler';
import { IssuePlanHandler } from './issue-plan/issue-plan.handler';
import { AmendPlanHandler } from './amend-plan/amend-plan.handler';
import { ClosePlanHandler } from './close-plan/close-plan.handler';
import { ReviseDraftController } from './revise-draft/revise-draft.controller';
import { UnitsController } from './units/units.controller';
import { UnitsHandler } from './units/units.handler';
import { ContributionStore } from './progress/contributions/contribution-store';
import { ContributionsConsumer } from './progress/contributions/contributions.consumer';
import { PlanProgressController } from './progress/plan-progress/plan-progress.controller';
import { ExportProgressController } from './progress/export-progress/export-progress.controller';
import { PlanProgressHandler } from './progress/plan-progress/plan-progress.handler';
import { ProgressService } from './progress/progress.service';
import { RecordReportedValueController } from './progress/reported-values/record-reported-value.controller';
import { RecordReportedValueHandler } from './progress/reported-values/record-reported-value.handler';
import { UnitProgressController } from './progress/unit-progress/unit-progress.controller';
import { UnitProgressHandler } from './progress/unit-progress/unit-progress.handler';
import { GetReportingPeriodController } from './reporting/get-period/get-period.controller';
import { GetReportingPeriodHandler } from './reporting/get-period/get-period.handler';
import { LateExceptionController } from './reporting/late-exception/late-exception.controller';
import { ListReportingPeriodsController } from './reporting/list-periods/list-periods.controller';
import { ListReportingPeriodsHandler } from './reporting/list-periods/list-periods.handler';
import { reportingPeriodListProjection } from './reporting/list-periods/reporting-period-list.projection';
import { OpenReportingPeriodController } from './reporting/open-period/open-period.controller';
import { ReportingPeriods } from './reporting/reporting-periods.service';
import { ReportingPeriodCommands } from './reporting/reporting-period-commands';
import { OpenReportingPeriodHandler } from './reporting/open-period/open-period.handler';
import { SubmitReportHandler } from './reporting/submit-report/submit-report.handler';
import { ReviewReportHandler } from './reporting/review-report/review-report.handler';
import { LateExceptionHandler } from './reporting/late-exception/late-exception.handler';
import { ReviewReportController } from './reporting/review-report/review-report.controller';
import { SubmitReportController } from './reporting/submit-report/submit-report.controller';

/** The plans bounded context: administrative units, plans and targets, progress, annual reports. */
@Module({
  imports: [
    ProjectionsModule.forContext('plans', [planListProjection, reportingPeriodListProjection, achievementListProjection, organisationListProjection]),
    IndicatorsModule,
    AchievementsModule,
    AttachmentsModule,
  ],
  controllers: [
    DraftPlanController,
    ReviseDraftController,
    ManageTargetsController,
    IssuePlanController,
    AmendPlanController,
    ClosePlanController,
    // Static routes before /plans/:planId.
    ListPlansController,
    ExportPlansController,
    PlanAttachmentsController,
    GetPlanController,
    UnitsController,
    // Progress (contributions from the other services' events, reported statistics).
    ContributionsConsumer,
    // Before /plans/:planId/progress/:targetId/… (no clash: one segment fewer, but kept together).
    ExportProgressController,
    PlanProgressController,
    RecordReportedValueController,
    UnitProgressController,
    // Reporting periods (static routes before /reporting-periods/:periodId).
    OpenReportingPeriodController,
    ListReportingPeriodsController,
    SubmitReportController,
    ReviewReportController,
    LateExceptionController,
    GetReportingPeriodController,
  ],
  providers: [
    PlanCommands,
    DraftPlanHandler,
    ReviseDraftHandler,
    ManageTargetsHandler,
    IssuePlanHandler,
    AmendPlanHandler,
    ClosePlanHandler,
    ListPlansHandler,
    GetPlanHandler,
    UnitsHandler,
    ContributionStore,
    ProgressService,
    RecordReportedValueHandler,
    PlanProgressHandler,
    UnitProgressHandler,
    ReportingPeriods,
    ReportingPeriodCommands,
    OpenReportingPeriodHandler,
    SubmitReportHandler,
    ReviewReportHandler,
    LateExceptionHandler,
    GetReportingPeriodHandler,
    ListReportingPeriodsHandler,
    RecordAttachments,
    AttachPlanDocumentHandler,
  ],
})
export class PlansModule {}
