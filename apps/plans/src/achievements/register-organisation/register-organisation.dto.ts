import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Id, Text, UnitCode } from '@nangsuat/service-runtime';
import { ORGANISATION_KINDS, OrganisationKind } from '@nangsuat/contracts/plans';

export class RegisterOrganisationDto {
  @ApiPropertyOptional({ example: 'bv-da-khoa-ninh-thuan', description: 'default: derived from the Idempotency-Key, else generated' }) @IsOptional() @Id() organisationId?: string;
  @ApiProperty({ example: 'Bệnh viện Đa khoa tỉnh Ninh Thuận' }) @Text(300) name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'hospital' }) @IsIn(ORGANISATION_KINDS, { message: `kind must be one of: ${ORGANISATION_KINDS.join(', ')}` }) kind: OrganisationKind;
  @ApiProperty({ example: '58', description: 'the administrative unit it belongs to' }) @UnitCode() unitCode: string;
  @ApiPropertyOptional({ example: 'Phan Rang – Tháp Chàm' }) @IsOptional() @Text(500) address?: string;
  @ApiPropertyOptional({ example: '4500123456', description: 'tax code or budget-unit code' }) @IsOptional() @Id(/^[A-Za-z0-9-]{1,32}$/, 'up to 32 letters, digits or -') officialCode?: string;
}
