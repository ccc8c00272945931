import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Id, PageQuery } from '@nangsuat/service-runtime';

export const NOMINATION_STATUSES = ['nominated', 'under-evaluation', 'decided', 'closed', 'withdrawn'] as const;

export class ListNominationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'ns-2025-dn' })
  @IsOptional() @Id()
  category?: string;

  @ApiPropertyOptional({ enum: NOMINATION_STATUSES })
  @IsOptional() @IsIn(NOMINATION_STATUSES as unknown as string[])
  status?: (typeof NOMINATION_STATUSES)[number];

  @ApiPropertyOptional({ enum: ['awarded', 'not-awarded'] })
  @IsOptional() @IsIn(['awarded', 'not-awarded'])
  outcome?: 'awarded' | 'not-awarded';

  @ApiPropertyOptional({ example: '51', description: 'This unit and its subtree (default: your unit; everything for auditors)' })
  @IsOptional() @IsString() @MaxLength(32)
  unit?: string;

  @ApiPropertyOptional({ example: 'hop tac xa ngok bay', description: 'Nominee, nominator, decision number; diacritics ignored' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
