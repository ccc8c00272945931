import { ApiProperty } from '@nestjs/swagger';
import { Nested, Text } from '@nangsuat/service-runtime';
import { IndicatorEntryDto } from '../indicator-entry.dto';

export class DefineIndicatorDto {
  @ApiProperty({ type: IndicatorEntryDto }) @Nested(() => IndicatorEntryDto) entry: IndicatorEntryDto;
  @ApiProperty({ example: 'Chỉ tiêu riêng của tỉnh theo Kế hoạch 4009/KH-UBND' }) @Text(1000, 3) reason: string;
}
