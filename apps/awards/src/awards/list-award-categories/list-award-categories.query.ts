import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';

export class ListAwardCategoriesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'Categories of this unit and its subtree' })
  @IsOptional() @IsString() @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ example: '15/09/2025', description: 'Only categories accepting nominations on this date' })
  @IsOptional() @IsString()
  openOn?: string;

  @ApiPropertyOptional({ example: 'doanh nghiep tieu bieu' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
