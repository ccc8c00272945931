import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CurrentCommand, NestedList, Text } from '@nangsuat/service-runtime';
import type { IndicatorSetImported } from '@nangsuat/contracts/plans';
import { IndicatorEntryDto, toEntry } from '../indicator-entry.dto';
import { CATALOGUE_WRITERS, IndicatorCatalogue } from '../indicator-catalogue.service';

/** The indicator-set file (JSON; docs/indicators/indicator-set.schema.json) as the request body. */
export class ImportIndicatorSetDto {
  @ApiProperty({ example: 'Bộ chỉ số năng suất quốc gia' }) @Text(300) setName: string;
  @ApiProperty({ example: '2026.1' }) @Text(40) setVersion: string;
  @ApiProperty({ example: 'bo-chi-so-nang-suat-2026.json (Bộ KH&CN)' }) @Text(500) source: string;
  @ApiProperty({ type: [IndicatorEntryDto] }) @NestedList(() => IndicatorEntryDto, 500, 1) entries: IndicatorEntryDto[];
  @ApiProperty({ example: 'Áp dụng bộ chỉ số quốc gia khi Bộ KH&CN ban hành (Kế hoạch 4009/KH-UBND, mục VI)' }) @Text(1000, 3) reason: string;
}

export interface ImportResult {
  readonly catalogueVersion: number;
  readonly eventId?: string;
  readonly setName: string;
  readonly setVersion: string;
  readonly added: readonly string[];
  readonly revised: readonly string[];
  readonly unchanged: readonly string[];
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class ImportIndicatorSetController {
  constructor(private readonly catalogue: IndicatorCatalogue) {}

  @Post('imports')
  @Roles(...CATALOGUE_WRITERS)
  @ApiOperation({ summary: 'Import an indicator set (the JSON file as the body) as one versioned change of the catalogue' })
  async import(@CurrentCommand() context: CommandContext, @Body() dto: ImportIndicatorSetDto): Promise<ImportResult> {
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
