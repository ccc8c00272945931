import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BoundedNumber, Text, UnitCode, Year } from '@nangsuat/service-runtime';

/** Statistics are percentages and growth rates; no real one comes near a million. */
const MAX_STATISTIC = 1_000_000;

export class RecordReportedValueDto {
  @ApiProperty({ example: 6.8, description: 'in the target’s unit of measure (%/year, %)' }) @BoundedNumber(-MAX_STATISTIC, MAX_STATISTIC) value: number;
  @ApiProperty({ example: 2025, description: 'the year the statistic is about' }) @Year() year: number;
  @ApiProperty({ example: 'Cục Thống kê tỉnh Quảng Ngãi, Niên giám thống kê 2025' }) @Text(500) source: string;
  @ApiPropertyOptional({ example: 5.9, description: 'for “above the national average” targets' }) @IsOptional() @BoundedNumber(-MAX_STATISTIC, MAX_STATISTIC) nationalAverage?: number;
  @ApiPropertyOptional({ example: '51', description: 'the unit the statistic is about; default the plan’s unit' })
  @IsOptional() @UnitCode() unit?: string;
  @ApiPropertyOptional({ example: 'Số liệu chính thức', description: 'why it is entered or corrected (kept in the event metadata)' })
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export interface RecordedReportedValue {
  readonly eventId: string;
  readonly planId: string;
  readonly targetId: string;
  readonly indicator: string;
  readonly unit: string;
  readonly year: number;
  readonly value: number;
  readonly valueDisplay: string;
  readonly nationalAverage?: number;
  readonly source: string;
  readonly reportedAt: string;
  readonly reportedBy: string;
}
