import { Inject, Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Actor } from '@nangsuat/event-sourcing';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { Page, PageQuery, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { readScope, requireKnownUnit, unitSubtree } from '../common/scope';
import type { ClaimStatus } from '../domain/enterprise-claim';
import type { EnterpriseClaimView } from '../enterprise-claims/enterprise-claim-view';

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

/**
 * Who sees which claims: officers those of enterprises in their unit subtree; an enterprise's own
 * users those naming their enterprise (to vouch for a colleague); auditors all; a claimant, through
 * `mine`, their own.
 */
@Injectable()
export class EnterpriseClaimQueries {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  list(q: ListEnterpriseClaimsQuery, actor: Actor): Promise<Page<EnterpriseClaimView>> {
    const filter = allOf([
      readScope(actor, ['unitCode'], 'enterpriseAccountId'),
      q.unit ? { unitCode: { $in: unitSubtree(requireKnownUnit(q.unit)) } } : null,
      q.status ? { status: q.status } : null,
      ...textFilter(q.q),
    ]);
    return pageOf<EnterpriseClaimView>(this.readModels, READ_MODELS.enterpriseClaims, filter, q);
  }

  mine(q: PageQuery, actor: Actor): Promise<Page<EnterpriseClaimView>> {
    return pageOf<EnterpriseClaimView>(this.readModels, READ_MODELS.enterpriseClaims, { claimantId: actor.id }, q);
  }
}
