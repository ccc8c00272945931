import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { BoundedNumber, CalendarDate, Id, IdList, isCalendarDateText, Nested, NestedList, Text, TextList, UnitCode, Year } from '@nangsuat/service-runtime';
import { Comparison, COMPARISONS, DocumentReference, FUNDING_KINDS, FundingKind, INDICATORS, readDayMonth, REPORTING_LEVELS, Responsibility, TargetSource, UnitOfMeasure, UNITS_OF_MEASURE } from '@nangsuat/contracts/plans';

/**
 * Request shapes of plan content: every field typed and bounded here (400 naming the field); what
 * the values mean together — units matching indicators, ranges, milestone years within the horizon —
 * is checked by the plan decider (422). No free-form object: each part of a plan has its schema.
 */

/** Largest target or baseline figure: far above any count or percentage a plan states. */
export const MAX_TARGET_VALUE = 1_000_000_000;
export const INDICATOR_KEYS = Object.keys(INDICATORS);
export const UNIT_OF_MEASURE_KEYS = Object.keys(UNITS_OF_MEASURE);
/** Document numbers as written: 4009/KH-UBND, 45/2025/QĐ-UBND (checked in full by the decider). */
const DOCUMENT_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}/._ -]{0,63}$/u;
const DocumentNumber = () => Matches(DOCUMENT_NUMBER, { message: '$property must be a document number such as 4009/KH-UBND.' });

export class BilingualDto {
  @ApiProperty({ example: 'Lượt người được đào tạo, tập huấn' }) @Text(500) vi: string;
  @ApiPropertyOptional({ example: 'Person-times trained' }) @IsOptional() @Text(500) en?: string;
}

export class BaselineDto {
  @ApiProperty({ example: 120 }) @BoundedNumber(0, MAX_TARGET_VALUE) value: number;
  @ApiProperty({ example: 2022 }) @Year() year: number;
  @ApiPropertyOptional() @IsOptional() @Text(500) source?: string;
}

export class TargetDto {
  @ApiProperty({ example: 'trained-2025' }) @Id() id: string;
  @ApiProperty({ example: 'trained-person-times', description: `the code of an indicator of the catalogue (GET /indicators), e.g. ${INDICATOR_KEYS.join(', ')}` })
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'indicator must be the code of an indicator of the catalogue (GET /indicators): kebab-case, such as trained-person-times' })
  indicator: string;
  @ApiProperty({ type: BilingualDto }) @Nested(() => BilingualDto) label: BilingualDto;
  @ApiProperty({ example: 'person-times', enum: UNIT_OF_MEASURE_KEYS, description: 'unit of measure' })
  @IsIn(UNIT_OF_MEASURE_KEYS, { message: `unit must be one of: ${UNIT_OF_MEASURE_KEYS.join(', ')}` })
  unit: UnitOfMeasure;
  @ApiProperty({ example: 2025 }) @Year() milestoneYear: number;
  @ApiProperty({ enum: COMPARISONS, example: 'more-than' }) @IsIn(COMPARISONS, { message: `comparison must be one of: ${COMPARISONS.join(', ')}` }) comparison: Comparison;
  @ApiPropertyOptional({ example: 150 }) @IsOptional() @BoundedNumber(0, MAX_TARGET_VALUE) value?: number;
  @ApiPropertyOptional({ example: 2 }) @IsOptional() @BoundedNumber(0, MAX_TARGET_VALUE) min?: number;
  @ApiPropertyOptional({ example: 5 }) @IsOptional() @BoundedNumber(0, MAX_TARGET_VALUE) max?: number;
  @ApiPropertyOptional({ type: BaselineDto }) @IsOptional() @Nested(() => BaselineDto) baseline?: BaselineDto;
  @ApiProperty({ enum: ['counted', 'reported'] }) @IsIn(['counted', 'reported'], { message: 'source must be counted or reported' }) source: TargetSource;
  @ApiPropertyOptional({ example: 'Trên 150 lượt người … được đào tạo, tập huấn' }) @IsOptional() @Text(2000) quote?: string;
  @ApiPropertyOptional() @IsOptional() @Text(2000) note?: string;
}

export class SignerDto {
  @ApiProperty({ example: 'Lê Huyền' }) @Text(200) name: string;
  @ApiPropertyOptional({ example: 'Phó Chủ tịch UBND tỉnh' }) @IsOptional() @Text(200) position?: string;
}

export const REFERENCE_RELATIONS = ['implements', 'guidance', 'proposal', 'legal-basis'] as const;

/** Another document the plan cites. */
export class DocumentReferenceDto {
  @ApiProperty({ example: '138/KH-UBND' }) @IsString() @DocumentNumber() documentNumber: string;
  @ApiPropertyOptional({ example: '19/06/2025' }) @IsOptional() @CalendarDate() issueDate?: string;
  @ApiPropertyOptional({ example: 'Ủy ban nhân dân tỉnh Quảng Ngãi' }) @IsOptional() @Text(300) issuer?: string;
  @ApiPropertyOptional() @IsOptional() @Text(1000) title?: string;
  @ApiProperty({ enum: REFERENCE_RELATIONS }) @IsIn(REFERENCE_RELATIONS, { message: `relation must be one of: ${REFERENCE_RELATIONS.join(', ')}` }) relation: DocumentReference['relation'];
}

/** A numbered section of "Nhiệm vụ và giải pháp". */
export class TaskSectionDto {
  @ApiProperty({ example: '2.1' }) @IsString() @Matches(/^\d{1,3}(\.\d{1,3}){0,4}$/, { message: 'section must be numbered like 1 or 2.1' }) section: string;
  @ApiProperty({ example: 'Nâng cao nhận thức về năng suất' }) @Text(1000) title: string;
  @ApiPropertyOptional() @IsOptional() @TextList(100, 2000) activities?: string[];
  @ApiPropertyOptional({ example: 'Sở Khoa học và Công nghệ' }) @IsOptional() @Text(300) lead?: string;
  @ApiPropertyOptional() @IsOptional() @TextList(50, 300) coordinating?: string[];
  @ApiPropertyOptional({ example: '2025', description: 'a year (2025) or a date (dd/mm/yyyy or yyyy-mm-dd)' })
  @IsOptional() @IsString() @MaxLength(40)
  @ValidateBy({ name: 'isYearOrDate', validator: { validate: (v) => (typeof v === 'string' && /^\d{4}$/.test(v)) || isCalendarDateText(v), defaultMessage: () => 'deadline must be a year (2025) or a date (dd/mm/yyyy)' } })
  deadline?: string;
  @ApiPropertyOptional() @IsOptional() @IdList(200) targetIds?: string[];
  @ApiPropertyOptional() @IsOptional() @Text(2000) note?: string;
}

export class FundingSourceDto {
  @ApiProperty({ enum: FUNDING_KINDS }) @IsIn(FUNDING_KINDS, { message: `kind must be one of: ${FUNDING_KINDS.join(', ')}` }) kind: FundingKind;
  @ApiProperty({ example: 'Nguồn vốn ngân sách nhà nước' }) @Text(2000) description: string;
}

export const RESPONSIBILITY_ROLES = ['lead', 'coordinate', 'budget', 'member'] as const;

export class ResponsibilityDto {
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ' }) @Text(300) agency: string;
  @ApiPropertyOptional({ enum: RESPONSIBILITY_ROLES }) @IsOptional() @IsIn(RESPONSIBILITY_ROLES, { message: `role must be one of: ${RESPONSIBILITY_ROLES.join(', ')}` }) role?: Responsibility['role'];
  @ApiProperty() @TextList(50, 2000) duties: string[];
}

export class AnnualDeadlineDto {
  @ApiProperty({ example: 10 }) @BoundedNumber(1, 31, { integer: true }) day: number;
  @ApiProperty({ example: 11 }) @BoundedNumber(1, 12, { integer: true }) month: number;
}

export class LevelDeadlineDto {
  @ApiProperty({ enum: REPORTING_LEVELS, example: 'commune' }) @IsIn(REPORTING_LEVELS, { message: `level must be one of: ${REPORTING_LEVELS.join(', ')}` }) level: (typeof REPORTING_LEVELS)[number];
  @ApiProperty({ example: 5 }) @BoundedNumber(1, 31, { integer: true }) day: number;
  @ApiProperty({ example: 11 }) @BoundedNumber(1, 12, { integer: true }) month: number;
}

/** "10/11" (day/month, as documents write it) → an AnnualDeadlineDto; an object stays as given. */
function readDeadline(value: unknown): unknown {
  const read = readDayMonth(value);
  return read === value ? value : plainToInstance(AnnualDeadlineDto, read);
}

export class ReportingRulesDto {
  @ApiPropertyOptional({ example: '10/11', description: 'annual report deadline, day/month ("10/11" is 10 November) or { day, month }' })
  @IsOptional() @Transform(({ value }) => readDeadline(value)) @Nested(() => AnnualDeadlineDto)
  annualDeadline?: AnnualDeadlineDto;
  @ApiPropertyOptional({ example: 'Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ)' }) @IsOptional() @Text(300) reportTo?: string;
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Year() midTermReviewYear?: number;
  @ApiPropertyOptional({ example: 2030 }) @IsOptional() @Year() finalReviewYear?: number;
  @ApiPropertyOptional({ description: 'ad-hoc reports on request (đột xuất)' }) @IsOptional() @IsBoolean() adHoc?: boolean;
  @ApiPropertyOptional({ enum: REPORTING_LEVELS, isArray: true, example: ['village', 'commune', 'province'], description: 'the levels a report climbs, lowest first; each approves or returns' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(REPORTING_LEVELS.length)
  @IsIn(REPORTING_LEVELS, { each: true, message: `each of approvalChain must be one of: ${REPORTING_LEVELS.join(', ')}` })
  approvalChain?: (typeof REPORTING_LEVELS)[number][];
  @ApiPropertyOptional({ type: [LevelDeadlineDto], description: 'each level’s own deadline; the top level’s is annualDeadline' })
  @IsOptional()
  @NestedList(() => LevelDeadlineDto, REPORTING_LEVELS.length)
  levelDeadlines?: LevelDeadlineDto[];
}

/** Fields a draft revision or an amendment may change (all optional). */
export class PlanChangesDto {
  @ApiPropertyOptional({ example: '4009/KH-UBND' }) @IsOptional() @IsString() @DocumentNumber() documentNumber?: string;
  @ApiPropertyOptional() @IsOptional() @Text(1000) title?: string;
  @ApiPropertyOptional({ example: 'Ủy ban nhân dân tỉnh Ninh Thuận' }) @IsOptional() @Text(300) issuingBody?: string;
  @ApiPropertyOptional({ example: '26/09/2023', description: 'dd/mm/yyyy or yyyy-mm-dd' }) @IsOptional() @CalendarDate() issueDate?: string;
  @ApiPropertyOptional({ type: SignerDto }) @IsOptional() @Nested(() => SignerDto) signer?: SignerDto;
  @ApiPropertyOptional({ example: [2025, 2030] }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Year({ each: true }) horizonYears?: number[];
  @ApiPropertyOptional({ example: '138/KH-UBND' }) @IsOptional() @IsString() @DocumentNumber() implementsPlan?: string;
  @ApiPropertyOptional({ type: [DocumentReferenceDto] }) @IsOptional() @NestedList(() => DocumentReferenceDto, 50) references?: DocumentReferenceDto[];
  @ApiPropertyOptional() @IsOptional() @TextList(50, 5000) generalObjectives?: string[];
  @ApiPropertyOptional({ type: [TargetDto] }) @IsOptional() @NestedList(() => TargetDto, 200) targets?: TargetDto[];
  @ApiPropertyOptional({ type: [TaskSectionDto], description: 'numbered sections of the tasks and solutions' })
  @IsOptional() @NestedList(() => TaskSectionDto, 300) tasks?: TaskSectionDto[];
  @ApiPropertyOptional({ type: [FundingSourceDto] }) @IsOptional() @NestedList(() => FundingSourceDto, 50) funding?: FundingSourceDto[];
  @ApiPropertyOptional({ type: [ResponsibilityDto] }) @IsOptional() @NestedList(() => ResponsibilityDto, 100) responsibilities?: ResponsibilityDto[];
  @ApiPropertyOptional({ type: ReportingRulesDto }) @IsOptional() @Nested(() => ReportingRulesDto) reporting?: ReportingRulesDto;
  @ApiPropertyOptional() @IsOptional() @TextList(50, 2000) notes?: string[];
}

export class PlanContentDto extends PlanChangesDto {
  @ApiProperty({ example: 'Kế hoạch tổng thể nâng cao năng suất … đến năm 2025, định hướng đến năm 2030' })
  @Text(1000) declare title: string;
  @ApiProperty({ example: '58', description: 'official administrative unit code of the issuing People\'s Committee' })
  @UnitCode() issuingUnit: string;
  @ApiProperty({ example: [2025, 2030] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @Year({ each: true }) declare horizonYears: number[];
}
