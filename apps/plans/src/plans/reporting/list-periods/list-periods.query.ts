import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PageQuery, UnitCode } from '@nangsuat/service-runtime';

export class ListReportingPeriodsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'periods of this unit and the units within it' })
  @IsOptional() @UnitCode() unit?: string;
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: ['open', 'submitted', 'returned', 'approved'] })
  @IsOptional() @IsIn(['open', 'submitted', 'returned', 'approved']) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/) planId?: string;
}
