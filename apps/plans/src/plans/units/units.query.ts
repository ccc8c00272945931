import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class UnitsQuery {
  @ApiPropertyOptional({ example: 'Ngok Bay', description: 'name, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ example: '51', description: 'only this unit and those under it' }) @IsOptional() @IsString() @MaxLength(64) within?: string;
  @ApiPropertyOptional({ example: '01/07/2025', description: 'only units in force on this day' }) @IsOptional() @IsString() at?: string;
}
