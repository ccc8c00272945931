import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import type { IndicatorSetImported } from '@nangsuat/contracts/plans';
import { toEntry } from '../indicator-entry.dto';
import { IndicatorCatalogue } from '../indicator-catalogue.service';
import { ImportIndicatorSetDto, ImportResult } from './import-indicator-set.dto';

/** An indicator set imported as one versioned change of the catalogue: what it added, revised and left unchanged. */
@Injectable()
export class ImportIndicatorSetHandler {
  constructor(private readonly catalogue: IndicatorCatalogue) {}

  async handle(context: CommandContext, dto: ImportIndicatorSetDto): Promise<ImportResult> {
    const outcome = await this.catalogue.execute(
      context,
      { type: 'ImportIndicatorSet', setName: dto.setName, setVersion: dto.setVersion, source: dto.source, entries: dto.entries.map(toEntry) },
      dto.reason,
    );
    const data = outcome.event?.data as IndicatorSetImported['data'] | undefined;
    return {
      catalogueVersion: outcome.view.version,
      eventId: outcome.event?.id,
      setName: data?.setName ?? dto.setName,
      setVersion: data?.setVersion ?? dto.setVersion,
      added: data?.added.map((e) => e.code) ?? [],
      revised: data?.revised.map((r) => r.entry.code) ?? [],
      unchanged: data?.unchanged ?? [],
    };
  }
}
