import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CalendarDate } from '@nangsuat/service-runtime';
import { MAX_PRODUCTIVITY_GAIN_PERCENT } from '@nangsuat/contracts/support-programs';

export class StartImplementationDto {
  @ApiPropertyOptional({ example: '2025-09-01', description: 'Day the pilot model started (Vietnam date, dd/mm/yyyy accepted); today when absent' })
  @IsOptional() @CalendarDate()
  startedOn?: string;
}

export class EvidenceDto {
  @ApiProperty({ example: 'Báo cáo kết quả áp dụng 5S tại xưởng sơ chế' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  title: string;

  @ApiProperty({ example: 'Biên bản nghiệm thu số 12/BB-VHXH ngày 15/12/2025', description: 'Where it can be found: document number, file id, URL' })
  @IsString() @IsNotEmpty() @MaxLength(1000)
  reference: string;
}

export class CompleteRegistrationDto {
  @ApiProperty({ example: 12.5, minimum: 0, maximum: MAX_PRODUCTIVITY_GAIN_PERCENT, description: 'Labour-productivity gain in percent (never negative)' })
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(MAX_PRODUCTIVITY_GAIN_PERCENT)
  productivityGainPercent: number;

  @ApiPropertyOptional({ example: ['ISO 9001:2015'], isArray: true, description: 'Certificates obtained (may be empty)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(300, { each: true })
  certificatesObtained?: string[];

  @ApiProperty({ type: EvidenceDto, isArray: true, description: 'At least one piece of evidence' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => EvidenceDto)
  evidence: EvidenceDto[];
}
