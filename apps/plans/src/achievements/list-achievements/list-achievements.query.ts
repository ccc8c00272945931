import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';

const STATUSES = ['recorded', 'verified', 'refused', 'withdrawn'] as const;

export class ListAchievementsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '58', description: 'this unit and everything under it; default your unit' }) @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @ApiPropertyOptional({ example: 'schools-5s' }) @IsOptional() @MaxLength(64) @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'indicator must be an indicator code such as schools-5s' }) indicator?: string;
  @ApiPropertyOptional({ enum: STATUSES, description: 'recorded = awaiting verification' }) @IsOptional() @IsIn(STATUSES) status?: string;
  @ApiPropertyOptional({ example: 'truong 5S', description: 'organisation, description or evidence, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}
