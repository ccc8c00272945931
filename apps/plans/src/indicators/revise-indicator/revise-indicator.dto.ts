import { ApiProperty } from '@nestjs/swagger';
import { Nested, Text } from '@nangsuat/service-runtime';
import { IndicatorEntryDto } from '../indicator-entry.dto';

export class ReviseIndicatorDto {
  @ApiProperty({ type: IndicatorEntryDto, description: 'the whole entry as it is to be; its code is the one in the path' }) @Nested(() => IndicatorEntryDto) entry: IndicatorEntryDto;
  @ApiProperty({ example: 'Bộ KH&CN công bố bộ chỉ số năm 2026' }) @Text(1000, 3) reason: string;
}
