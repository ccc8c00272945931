import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';

export class ListPlansQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'issuing unit and everything under it (including merged former units)' })
  @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @ApiPropertyOptional({ enum: ['draft', 'issued', 'amended', 'closed'] })
  @IsOptional() @IsIn(['draft', 'issued', 'amended', 'closed']) status?: string;
  @ApiPropertyOptional({ example: 2030, description: 'plans with this milestone year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: 'Ngok Bay', description: 'words of the title, number or unit; diacritics ignored' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
}
