import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';

export const CERTIFICATION_STATUS_FILTERS = ['applied', 'assessed', 'not-passed', 'certified', 'expired', 'revoked', 'active'] as const;

export class ListCertificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CERTIFICATION_STATUS_FILTERS, description: '`active`: certified and within validity on `on` (default today)' })
  @IsOptional() @IsIn(CERTIFICATION_STATUS_FILTERS as unknown as string[])
  status?: (typeof CERTIFICATION_STATUS_FILTERS)[number];

  @ApiPropertyOptional({ example: '31/12/2025', description: 'Date for status=active (dd/mm/yyyy or yyyy-mm-dd)' })
  @IsOptional() @IsString()
  on?: string;

  @ApiPropertyOptional({ example: 'expert' })
  @IsOptional() @IsString() @MaxLength(64)
  level?: string;

  @ApiPropertyOptional({ example: '51', description: 'This unit and its subtree (default: your unit; everything for auditors)' })
  @IsOptional() @IsString() @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ example: 'tran van minh', description: 'Name, organisation, certificate number; diacritics ignored' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
