import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import type { ClaimStatus } from '@nangsuat/contracts/support-programs';

export const CLAIM_STATUSES = ['submitted', 'confirmed', 'refused', 'revoked'] as const satisfies readonly ClaimStatus[];

export class ListEnterpriseClaimsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, description: 'submitted: the claims waiting for a decision' })
  @IsOptional() @IsIn(CLAIM_STATUSES, { message: `$property must be one of: ${CLAIM_STATUSES.join(', ')}` })
  status?: ClaimStatus;

  @ApiPropertyOptional({ example: '51-NGOKBAY', description: 'Claims for enterprises of this unit and every unit within it' })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unit?: string;

  @ApiPropertyOptional({ example: 'sam ngoc linh', description: "Words of the enterprise's name, its tax code, the person's user name or email; diacritics and case ignored" })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
