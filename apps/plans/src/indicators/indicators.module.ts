import { Module } from '@nestjs/common';
import { DefineIndicatorController } from './define-indicator/define-indicator.controller';
import { ImportIndicatorSetController } from './import-indicator-set/import-indicator-set.controller';
import { IndicatorCatalogue } from './indicator-catalogue.service';
import { ListIndicatorsController } from './list-indicators/list-indicators.controller';
import { ReviseIndicatorController } from './revise-indicator/revise-indicator.controller';
import { DefineIndicatorHandler } from './define-indicator/define-indicator.handler';
import { ImportIndicatorSetHandler } from './import-indicator-set/import-indicator-set.handler';
import { ListIndicatorsHandler } from './list-indicators/list-indicators.handler';
import { ReviseIndicatorHandler } from './revise-indicator/revise-indicator.handler';

/** The indicator catalogue (event-sourced data): what plans' targets measure and how progress counts it. */
@Module({
  controllers: [
    // Static routes before /indicators/:code.
    ImportIndicatorSetController,
    DefineIndicatorController,
    ReviseIndicatorController,
    ListIndicatorsController,
  ],
  providers: [IndicatorCatalogue, DefineIndicatorHandler, ImportIndicatorSetHandler, ListIndicatorsHandler, ReviseIndicatorHandler],
  exports: [IndicatorCatalogue],
})
export class IndicatorsModule {}
