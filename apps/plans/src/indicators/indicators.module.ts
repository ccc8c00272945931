import { Module } from '@nestjs/common';
import { DefineIndicatorController } from './define-indicator/define-indicator.controller';
import { ImportIndicatorSetController } from './import-indicator-set/import-indicator-set.controller';
import { IndicatorCatalogue } from './indicator-catalogue.service';
import { ListIndicatorsController } from './list-indicators/list-indicators.controller';
import { ReviseIndicatorController } from './revise-indicator/revise-indicator.controller';

/** The indicator catalogue (event-sourced data): what plans' targets measure and how progress counts it. */
@Module({
  controllers: [
    // Static routes before /indicators/:code.
    ImportIndicatorSetController,
    DefineIndicatorController,
    ReviseIndicatorController,
    ListIndicatorsController,
  ],
  providers: [IndicatorCatalogue],
  exports: [IndicatorCatalogue],
})
export class IndicatorsModule {}
