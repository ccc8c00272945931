import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CalendarDate, ID_PATTERN, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { ENTERPRISE_GROUPS, EnterpriseGroup, FUNDING_SOURCES, FundingSource, PRODUCTIVITY_TOOLS, ProductivityTool } from '@nangsuat/contracts/support-programs';

/** 10^15 đồng: beyond any provincial budget, below the integers a double holds exactly. */
export const MAX_AMOUNT_VND = 1e15;

export class FundingDto {
  @ApiProperty({ enum: FUNDING_SOURCES, isArray: true, example: ['state-budget', 'other-lawful-sources'], description: 'Ngân sách nhà nước; nguồn hợp pháp khác' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(FUNDING_SOURCES.length) @IsIn(FUNDING_SOURCES, { each: true, message: `each of $property must be one of: ${FUNDING_SOURCES.join(', ')}` })
  sources: FundingSource[];

  @ApiPropertyOptional({ example: 1500000000, description: 'Total budget in VND (đồng), a whole number ≥ 0' })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_AMOUNT_VND)
  amountVnd?: number;

  @ApiPropertyOptional({ example: 'Kinh phí sự nghiệp khoa học và công nghệ năm 2025' })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

/** The terms of a programme (shared by create and update). */
export class ProgrammeTermsDto {
  @ApiProperty({ example: 'Chương trình hỗ trợ doanh nghiệp xây dựng mô hình điểm về năng suất xã Ngọk Bay', maxLength: 300 })
  @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @ApiProperty({ example: ['Kế hoạch 138/KH-UBND ngày 19/6/2025 của UBND tỉnh Quảng Ngãi', 'Văn bản 336/SKHCN-TĐC ngày 22/7/2025'], isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(500, { each: true })
  legalBasis: string[];

  @ApiPropertyOptional({ example: '138/KH-UBND', description: 'Document number of the plan the programme serves' })
  @IsOptional() @IsString() @MaxLength(60)
  planDocumentNumber?: string;

  @ApiProperty({ type: FundingDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FundingDto)
  funding: FundingDto;

  @ApiProperty({ enum: ENTERPRISE_GROUPS, isArray: true, example: ['sme', 'cooperative', 'ocop-producer'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(ENTERPRISE_GROUPS.length) @IsIn(ENTERPRISE_GROUPS, { each: true, message: `each of $property must be one of: ${ENTERPRISE_GROUPS.join(', ')}` })
  eligibleGroups: EnterpriseGroup[];

  @ApiProperty({ enum: PRODUCTIVITY_TOOLS, isArray: true, example: ['5s', 'kaizen', 'gap-organic'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(PRODUCTIVITY_TOOLS.length) @IsIn(PRODUCTIVITY_TOOLS, { each: true, message: `each of $property must be one of: ${PRODUCTIVITY_TOOLS.join(', ')}` })
  toolsOffered: ProductivityTool[];

  @ApiProperty({ example: '2025-08-01', description: 'First day registrations are accepted (Vietnam date; dd/mm/yyyy accepted)' })
  @CalendarDate()
  openingDate: string;

  @ApiProperty({ example: '2030-12-31', description: 'Last day registrations are accepted (Vietnam date; dd/mm/yyyy accepted)' })
  @CalendarDate()
  closingDate: string;

  @ApiProperty({ example: 2, minimum: 1, description: 'Number of pilot models (approved registrations) the programme can support' })
  @IsInt() @Min(1) @Max(100000)
  capacity: number;
}

export class CreateProgrammeDto extends ProgrammeTermsDto {
  @ApiPropertyOptional({ example: 'ngokbay-mo-hinh-diem-2025', description: 'Id of the programme (letters, digits, - and _); generated when absent' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: '$property must be 1–64 letters, digits, - or _.' })
  id?: string;

  @ApiProperty({ example: '51-NGOKBAY', description: 'Administrative unit that runs the programme; within your own unit' })
  @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unitCode: string;
}
