import { Injectable } from '@nestjs/common';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { CommandContext } from '@nangsuat/service-runtime';
import { toEntry } from '../indicator-entry.dto';
import { IndicatorCatalogue, IndicatorView } from '../indicator-catalogue.service';
import { ReviseIndicatorDto } from './revise-indicator.dto';

@Injectable()
export class ReviseIndicatorHandler {
  constructor(private readonly catalogue: IndicatorCatalogue) {}

  async handle(context: CommandContext, code: string, dto: ReviseIndicatorDto): Promise<IndicatorView & { catalogueVersion: number }> {
    // A code names an indicator for good: the plans' targets and the facts counted under it refer to it.
    if (dto.entry.code !== code) throw new DomainRuleViolation(`The entry's code "${dto.entry.code}" is not the one in the path ("${code}"); a code never changes — define a new indicator instead.`, 'code-mismatch');
    const { view } = await this.catalogue.execute(context, { type: 'ReviseIndicator', entry: toEntry(dto.entry) }, dto.reason);
    return { ...view.indicators.find((i) => i.code === code)!, catalogueVersion: view.version };
  }
}
