import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { Page, PageQuery } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { readScope, requireKnownUnit, unitSubtree } from '../common/scope';
import type { EnterpriseClaimView } from '../enterprise-claims/enterprise-claim-view';
import { ListEnterpriseClaimsQuery } from './list-enterprise-claims.query';

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
