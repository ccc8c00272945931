import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarDate } from '@nangsuat/service-runtime';

export class GrantCertificationDto {
  @ApiProperty({ example: 'CGNS-51-2025-001' })
  @IsString() @MaxLength(100)
  certificateNumber!: string;

  @ApiPropertyOptional({ example: '15/08/2025', description: 'dd/mm/yyyy or yyyy-mm-dd; default today; not before the assessment' })
  @IsOptional() @CalendarDate()
  validFrom?: string;

  @ApiPropertyOptional({ example: '14/08/2028', description: 'Last day of validity (inclusive); default validFrom + the level\'s validity years' })
  @IsOptional() @CalendarDate()
  validTo?: string;
}
