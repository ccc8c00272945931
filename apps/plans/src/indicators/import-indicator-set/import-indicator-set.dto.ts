import { ApiProperty } from '@nestjs/swagger';
import { NestedList, Text } from '@nangsuat/service-runtime';
import { IndicatorEntryDto } from '../indicator-entry.dto';

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
