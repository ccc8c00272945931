import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';

export class ListCoursesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'Courses of this unit and every unit within it' })
  @IsOptional() @IsString() @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ enum: ['scheduled', 'cancelled'] })
  @IsOptional() @IsIn(['scheduled', 'cancelled'])
  status?: 'scheduled' | 'cancelled';

  @ApiPropertyOptional({ example: '01/08/2025', description: 'Courses ending on or after this date (dd/mm/yyyy or yyyy-mm-dd)' })
  @IsOptional() @IsString()
  from?: string;

  @ApiPropertyOptional({ example: '31/12/2025', description: 'Courses starting on or before this date' })
  @IsOptional() @IsString()
  to?: string;

  @ApiPropertyOptional({ example: 'ky nang 5s', description: 'Search in topic, id, trainer, plan number; diacritics and case ignored' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
