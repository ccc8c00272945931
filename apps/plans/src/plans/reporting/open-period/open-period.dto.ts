import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDate, UnitCode, Year } from '@nangsuat/service-runtime';

export class OpenReportingPeriodDto {
  @ApiProperty({ example: '51-NGOKBAY', description: 'the reporting unit: the plan’s unit or a unit within it' })
  @UnitCode() unit: string;
  @ApiProperty({ example: 2025 }) @Year() year: number;
  @ApiPropertyOptional({ example: '19/06/2025', description: 'default: the day after last year’s deadline, or the plan’s issue date if later' })
  @IsOptional() @CalendarDate() periodStart?: string;
}
