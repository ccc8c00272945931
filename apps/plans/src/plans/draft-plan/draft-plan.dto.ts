import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { Nested } from '@nangsuat/service-runtime';
import { PlanContentDto } from '../plan-content.dto';

export class DraftPlanDto {
  @ApiPropertyOptional({ example: 'ninh-thuan-4009', description: 'lower-case letters, digits and dashes; generated when absent' })
  @IsOptional() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: 'planId must be 3–64 lower-case letters, digits or dashes' })
  planId?: string;

  @ApiProperty({ type: PlanContentDto }) @Nested(() => PlanContentDto)
  content: PlanContentDto;
}
