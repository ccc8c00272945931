import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class PersonTimesQuery {
  @ApiPropertyOptional({ example: '51', description: 'Unit whose subtree is counted (default: your unit)' })
  @IsOptional() @IsString() @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ example: '01/01/2025', description: 'Completions on or after (dd/mm/yyyy or yyyy-mm-dd)' })
  @IsOptional() @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '31/12/2025', description: 'Completions on or before' })
  @IsOptional() @IsString()
  to?: string;
}
