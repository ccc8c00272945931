import { Injectable, Inject } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { CommandRunner, Page } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { readScope, requireKnownUnit, unitSubtree } from '../common/scope';
import { EnterpriseView, enterpriseView } from '../common/views';
import { enterpriseAccountDecider, EnterpriseAccountState, enterpriseAccountStreamId, enterpriseDecider, EnterpriseState, enterpriseStreamId, linkedEnterpriseId } from '@nangsuat/contracts/support-programs';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { ListEnterprisesQuery } from './list-enterprises.query';

/** Officers see the enterprises of their unit subtree, enterprise users only their own, auditors all. */
@Injectable()
export class EnterpriseQueries {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  list(q: ListEnterprisesQuery, actor: Actor): Promise<Page<EnterpriseView>> {
    const filter = allOf([
      readScope(actor, ['unitCode'], 'accountId'),
      q.unit ? { unitCode: { $in: unitSubtree(requireKnownUnit(q.unit)) } } : null,
      q.group ? { group: q.group } : null,
      q.size ? { size: q.size } : null,
      ...textFilter(q.q),
    ]);
    return pageOf<EnterpriseView>(this.readModels, READ_MODELS.enterprises, filter, q);
  }

  async get(enterpriseId: string, actor: Actor): Promise<EnterpriseView> {
    const { state, version } = await this.runner.load<never, EnterpriseState>(enterpriseStreamId(enterpriseId), enterpriseDecider);
    if (state.status !== 'registered' || !state.profile) throw new NotFound(`No enterprise ${enterpriseId}.`);
    this.access.assertCanAccessRecord(actor, { unit: state.profile.unitCode, enterpriseId: state.accountId }, 'read');
    return enterpriseView(state, version);
  }

  /** The enterprise an enterprise user acts for (through the account link). */
  async mine(actor: Actor): Promise<EnterpriseView> {
    if (!actor.enterpriseId) throw new Forbidden('Your account carries no enterprise_id.');
    const { state } = await this.runner.load<never, EnterpriseAccountState>(enterpriseAccountStreamId(actor.enterpriseId), enterpriseAccountDecider);
    return this.get(linkedEnterpriseId(state), actor);
  }
}
