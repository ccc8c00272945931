import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { BoundedNumber, CalendarDate, Nested } from '@nangsuat/service-runtime';
import { PlanChangesDto } from '../plan-content.dto';

export class AmendPlanDto {
  @ApiProperty({ example: 'Điều chỉnh chỉ tiêu đào tạo theo Kế hoạch 138/KH-UBND của tỉnh' })
  @IsString() @MinLength(5) @MaxLength(2000) reason: string;
  @ApiProperty({ example: 'Công văn số 336/SKHCN-TĐC ngày 22/7/2025' }) @IsString() @MinLength(3) @MaxLength(500) legalBasis: string;
  @ApiPropertyOptional({ example: '512/KH-UBND' }) @IsOptional() @IsString() @MaxLength(64) amendmentDocument?: string;
  @ApiProperty({ example: '01/08/2025', description: 'first day the new version applies; dd/mm/yyyy or yyyy-mm-dd' }) @CalendarDate() effectiveDate: string;
  @ApiProperty({ type: PlanChangesDto }) @Nested(() => PlanChangesDto) changes: PlanChangesDto;
  @ApiPropertyOptional({ description: 'the streamVersion you read; a stale view gets 409' }) @IsOptional() @BoundedNumber(1, 1_000_000, { integer: true }) expectedVersion?: number;
}
