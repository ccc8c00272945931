import { Injectable, Inject } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { CommandRunner, Page, PageQuery } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { readScope, requireKnownUnit, unitSubtree } from '../common/scope';
import { EnterpriseView, enterpriseView } from '../common/views';
import { UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { ENTERPRISE_GROUPS, ENTERPRISE_SIZES, enterpriseAccountDecider, EnterpriseAccountState, enterpriseAccountStreamId, enterpriseDecider, EnterpriseState, enterpriseStreamId, linkedEnterpriseId } from '@nangsuat/contracts/support-programs';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

export class ListEnterprisesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'Enterprises of this unit and every unit within it' })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unit?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_GROUPS })
  @IsOptional() @IsIn(ENTERPRISE_GROUPS, { message: `$property must be one of: ${ENTERPRISE_GROUPS.join(', ')}` })
  group?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_SIZES })
  @IsOptional() @IsIn(ENTERPRISE_SIZES, { message: `$property must be one of: ${ENTERPRISE_SIZES.join(', ')}` })
  size?: string;

  @ApiPropertyOptional({ example: 'hop tac xa sam', description: 'Words of the name, tax code or sector; diacritics and case ignored' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}

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
