import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { toEntry } from '../indicator-entry.dto';
import { IndicatorCatalogue, IndicatorView } from '../indicator-catalogue.service';
import { DefineIndicatorDto } from './define-indicator.dto';

@Injectable()
export class DefineIndicatorHandler {
  constructor(private readonly catalogue: IndicatorCatalogue) {}

  async handle(context: CommandContext, dto: DefineIndicatorDto): Promise<IndicatorView & { catalogueVersion: number }> {
    const entry = toEntry(dto.entry);
    const { view } = await this.catalogue.execute(context, { type: 'DefineIndicator', entry }, dto.reason);
    return { ...view.indicators.find((i) => i.code === entry.code)!, catalogueVersion: view.version };
  }
}
