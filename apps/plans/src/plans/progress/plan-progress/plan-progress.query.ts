import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, UnitCode } from '@nangsuat/service-runtime';

const RECORDED_BY =
  'as recorded: count only the facts the platform had recorded by the end of this day (or this instant) — what a report printed then showed; default: everything recorded';

export class ProgressQuery {
  @ApiPropertyOptional({ example: '31/12/2025', description: 'as it happened: progress at the end of this day (Asia/Ho_Chi_Minh); default now' })
  @IsOptional() @IsString() @MaxLength(32) asOf?: string;

  @ApiPropertyOptional({ example: '15/01/2026', description: RECORDED_BY })
  @IsOptional() @IsString() @MaxLength(32) recordedBy?: string;
}

export class ContributionsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '31/12/2025' })
  @IsOptional() @IsString() @MaxLength(32) asOf?: string;
  @ApiPropertyOptional({ example: '15/01/2026', description: RECORDED_BY })
  @IsOptional() @IsString() @MaxLength(32) recordedBy?: string;
  @ApiPropertyOptional({ example: '51-NGOKBAY', description: 'only the facts counted under this unit (rolled up)' })
  @IsOptional() @UnitCode() unit?: string;
}
