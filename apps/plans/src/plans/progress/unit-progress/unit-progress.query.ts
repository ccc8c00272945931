import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { UnitCode } from '@nangsuat/service-runtime';
import { INDICATOR_OF_KIND } from '@nangsuat/contracts/plans';

/** Indicators the other services' events count. */
export const COUNTED_INDICATORS = [...new Set(Object.values(INDICATOR_OF_KIND).filter((i): i is string => !!i))];

export class UnitProgressQuery {
  @ApiProperty({ example: '51', description: 'the unit; its subtree (and former units merged into it) is counted' })
  @UnitCode() unit: string;
  @ApiProperty({ example: 'trained-person-times', enum: COUNTED_INDICATORS })
  @IsString() indicator: string;
  @ApiPropertyOptional({ example: 2025, description: 'calendar year (Vietnam time); default this year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(2100) year?: number;
}
