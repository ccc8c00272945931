import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { COMPARISONS } from './domain/plan-content';

/**
 * Request shapes of plan content. Types are checked here (400); what the values mean — known
 * indicators and units of measure, ranges, milestone years — is checked by the plan decider (422).
 */
export class BilingualDto {
  @ApiProperty({ example: 'Lượt người được đào tạo, tập huấn' }) @IsString() @MaxLength(500) vi: string;
  @ApiPropertyOptional({ example: 'Person-times trained' }) @IsOptional() @IsString() @MaxLength(500) en?: string;
}

export class BaselineDto {
  @ApiProperty() @IsNumber() value: number;
  @ApiProperty({ example: 2022 }) @IsInt() year: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) source?: string;
}

export class TargetDto {
  @ApiProperty({ example: 'trained-2025' }) @IsString() @MaxLength(64) id: string;
  @ApiProperty({ example: 'trained-person-times' }) @IsString() @MaxLength(64) indicator: string;
  @ApiProperty({ type: BilingualDto }) @ValidateNested() @Type(() => BilingualDto) label: BilingualDto;
  @ApiProperty({ example: 'person-times', description: 'unit of measure' }) @IsString() @MaxLength(32) unit: string;
  @ApiProperty({ example: 2025 }) @IsInt() milestoneYear: number;
  @ApiProperty({ enum: COMPARISONS, example: 'more-than' }) @IsString() comparison: string;
  @ApiPropertyOptional({ example: 150 }) @IsOptional() @IsNumber() value?: number;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @IsNumber() min?: number;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @IsNumber() max?: number;
  @ApiPropertyOptional({ type: BaselineDto }) @IsOptional() @ValidateNested() @Type(() => BaselineDto) baseline?: BaselineDto;
  @ApiProperty({ enum: ['counted', 'reported'] }) @IsString() source: string;
  @ApiPropertyOptional({ example: 'Trên 150 lượt người … được đào tạo, tập huấn' }) @IsOptional() @IsString() @MaxLength(2000) quote?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class SignerDto {
  @ApiProperty({ example: 'Lê Huyền' }) @IsString() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'Phó Chủ tịch UBND tỉnh' }) @IsOptional() @IsString() @MaxLength(200) position?: string;
}

/** Fields a draft revision or an amendment may change (all optional). */
export class PlanChangesDto {
  @ApiPropertyOptional({ example: '4009/KH-UBND' }) @IsOptional() @IsString() @MaxLength(64) documentNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) title?: string;
  @ApiPropertyOptional({ example: 'Ủy ban nhân dân tỉnh Ninh Thuận' }) @IsOptional() @IsString() @MaxLength(300) issuingBody?: string;
  @ApiPropertyOptional({ example: '26/09/2023', description: 'dd/mm/yyyy or yyyy-mm-dd' }) @IsOptional() @IsString() issueDate?: string;
  @ApiPropertyOptional({ type: SignerDto }) @IsOptional() @ValidateNested() @Type(() => SignerDto) signer?: SignerDto;
  @ApiPropertyOptional({ example: [2025, 2030] }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) horizonYears?: number[];
  @ApiPropertyOptional({ example: '138/KH-UBND' }) @IsOptional() @IsString() @MaxLength(64) implementsPlan?: string;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) references?: object[];
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(5000, { each: true }) generalObjectives?: string[];
  @ApiPropertyOptional({ type: [TargetDto] }) @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => TargetDto) targets?: TargetDto[];
  @ApiPropertyOptional({ description: 'numbered sections: { section: "2.1", title, lead, coordinating[], deadline? }' })
  @IsOptional() @IsArray() @ArrayMaxSize(300) @IsObject({ each: true }) tasks?: object[];
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) funding?: object[];
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(100) @IsObject({ each: true }) responsibilities?: object[];
  @ApiPropertyOptional({ description: '{ annualDeadline: "10/11", midTermReviewYear: 2025, finalReviewYear: 2030 }' })
  @IsOptional() @IsObject() reporting?: object;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) notes?: string[];
}

export class PlanContentDto extends PlanChangesDto {
  @ApiProperty({ example: 'Kế hoạch tổng thể nâng cao năng suất … đến năm 2025, định hướng đến năm 2030' })
  @IsString() @MaxLength(1000) declare title: string;
  @ApiProperty({ example: '58', description: 'official administrative unit code of the issuing People\'s Committee' })
  @IsString() @MaxLength(64) issuingUnit: string;
  @ApiProperty({ example: [2025, 2030] }) @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) declare horizonYears: number[];
}
