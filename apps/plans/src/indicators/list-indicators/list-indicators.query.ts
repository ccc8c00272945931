import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { INDICATOR_LEVELS } from '@nangsuat/contracts/plans';

export class IndicatorsQuery {
  @ApiPropertyOptional({ example: 'truong hoc 5S', description: 'code or name, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: INDICATOR_LEVELS, description: 'only indicators that apply at this level' }) @IsOptional() @IsIn(INDICATOR_LEVELS) level?: string;
  @ApiPropertyOptional({ example: '01/01/2026', description: 'only indicators in force on this day (dd/mm/yyyy or yyyy-mm-dd)' }) @IsOptional() @IsString() @MaxLength(40) inForceOn?: string;
  @ApiPropertyOptional({ enum: ['counted', 'reported'] }) @IsOptional() @IsIn(['counted', 'reported']) source?: string;
}
