import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@nangsuat/projections';
import { awardCategoryProjection } from './categories/award-category-view';
import { CloseNominationController } from './close-nomination/close-nomination.controller';
import { CloseNominationHandler } from './close-nomination/close-nomination.handler';
import { CreateAwardCategoryController } from './create-award-category/create-award-category.controller';
import { CreateAwardCategoryHandler } from './create-award-category/create-award-category.handler';
import { DecideNominationController } from './decide-nomination/decide-nomination.controller';
import { DecideNominationHandler } from './decide-nomination/decide-nomination.handler';
import { EvaluateNominationController } from './evaluate-nomination/evaluate-nomination.controller';
import { EvaluateNominationHandler } from './evaluate-nomination/evaluate-nomination.handler';
import { ExportNominationsController } from './export-nominations/export-nominations.controller';
import { GetNominationController } from './get-nomination/get-nomination.controller';
import { GetNominationHandler } from './get-nomination/get-nomination.handler';
import { ListAwardCategoriesController } from './list-award-categories/list-award-categories.controller';
import { ListAwardCategoriesHandler } from './list-award-categories/list-award-categories.handler';
import { ListNominationsController } from './list-nominations/list-nominations.controller';
import { ListNominationsHandler } from './list-nominations/list-nominations.handler';
import { NominateController } from './nominate/nominate.controller';
import { NominateHandler } from './nominate/nominate.handler';
import { NominationCommands } from './nominations/nomination-commands';
import { nominationProjection } from './nominations/nomination-view';
import { StartEvaluationController } from './start-evaluation/start-evaluation.controller';
import { StartEvaluationHandler } from './start-evaluation/start-evaluation.handler';
import { WithdrawNominationController } from './withdraw-nomination/withdraw-nomination.controller';
import { WithdrawNominationHandler } from './withdraw-nomination/withdraw-nomination.handler';

import { AttachmentsModule, RecordAttachments } from '@nangsuat/attachments';
import { NominationAttachmentsController } from './nomination-attachments/nomination-attachments.controller';
import { NominationAttachmentsHandler } from './nomination-attachments/nomination-attachments.handler';

/** The awards bounded context: one folder per use case (command or query) beside this module. */
@Module({
  imports: [ProjectionsModule.forContext('awards', [awardCategoryProjection, nominationProjection]), AttachmentsModule],
  controllers: [
    ListAwardCategoriesController,
    CreateAwardCategoryController,
    ListNominationsController,
    // Before /nominations/:id.
    ExportNominationsController,
    NominateController,
    GetNominationController,
    StartEvaluationController,
    EvaluateNominationController,
    DecideNominationController,
    WithdrawNominationController,
    CloseNominationController,
    NominationAttachmentsController,
  ],
  providers: [
    NominationAttachmentsHandler,
    RecordAttachments,
    NominationCommands,
    CreateAwardCategoryHandler,
    ListAwardCategoriesHandler,
    NominateHandler,
    ListNominationsHandler,
    GetNominationHandler,
    StartEvaluationHandler,
    EvaluateNominationHandler,
    DecideNominationHandler,
    WithdrawNominationHandler,
    CloseNominationHandler,
  ],
})
export class AwardsModule {}
