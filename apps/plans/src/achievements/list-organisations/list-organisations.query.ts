import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';
import { ORGANISATION_KINDS } from '@nangsuat/contracts/plans';

export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '58', description: 'this unit and everything under it' }) @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS }) @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: string;
  @ApiPropertyOptional({ example: 'benh vien', description: 'name or code, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}
