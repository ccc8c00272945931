import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Id, NestedList, PersonId, UnitCode } from '@nangsuat/service-runtime';

export class EvidenceDto {
  @ApiProperty({ example: 'degree', description: 'An evidence type code of the standard (GET /certification-standards)' })
  @IsString() @MaxLength(100)
  type!: string;

  @ApiProperty({ example: 'Bằng kỹ sư quản lý công nghiệp' })
  @IsString() @MaxLength(300)
  title!: string;

  @ApiProperty({ example: 'Số hiệu bằng 123456, Đại học Bách khoa Đà Nẵng', description: 'Where it can be checked: a document number, a file id, a URL' })
  @IsString() @MaxLength(1000)
  reference!: string;
}

export class ApplyCertificationDto {
  @ApiPropertyOptional({ example: 'cg-qn-2025-001', description: 'Your id for the application; generated when absent' })
  @IsOptional() @Id()
  certificationId?: string;

  @ApiPropertyOptional({ example: 'p-7f3a9c', description: 'Pseudonymous person id; give this or citizenId (hashed by the service, never stored)' })
  @IsOptional() @PersonId()
  personId?: string;

  @ApiPropertyOptional({ example: '051095001234' })
  @IsOptional() @IsString() @Matches(/^(\d{9}|\d{12})$/, { message: 'citizenId must be 9 or 12 digits' })
  citizenId?: string;

  @ApiProperty({ example: 'Trần Văn Minh' })
  @IsString() @MaxLength(200)
  fullName!: string;

  @ApiPropertyOptional({ example: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Quảng Ngãi' })
  @IsOptional() @IsString() @MaxLength(300)
  organisationName?: string;

  @ApiProperty({ example: '51', description: 'Administrative unit the expert is counted under' })
  @UnitCode()
  unitCode!: string;

  @ApiProperty({ example: 'expert', description: 'A level code of the standard (GET /certification-standards)' })
  @IsString() @MaxLength(64)
  levelCode!: string;

  @ApiPropertyOptional({ example: 'TCVN 13751:2023', description: 'Standard code (default: the current one)' })
  @IsOptional() @IsString() @MaxLength(64)
  standardCode?: string;

  @ApiPropertyOptional({ example: '2023' })
  @IsOptional() @IsString() @MaxLength(32)
  standardVersion?: string;

  @ApiProperty({ type: [EvidenceDto] })
  @NestedList(() => EvidenceDto, 50)
  evidence!: EvidenceDto[];
}
