import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { isWithin } from '@nangsuat/administrative-units';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner, requireKnownUnit } from '@nangsuat/service-runtime';
import { awardCategoryViewDecider } from '../categories/award-category-view';
import { nominationView, nominationViewDecider } from '../nominations/nomination-view';
import { awardCategorySnapshot, awardCategoryStreamId, nominationStreamId } from '@nangsuat/contracts/awards';
import { NominateDto } from './nominate.dto';

@Injectable()
export class NominateHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, dto: NominateDto) {
    const unitCode = requireKnownUnit(dto.unitCode);
    this.access.assertCanWrite(context.actor, unitCode);
    const { state } = await this.runner.load(awardCategoryStreamId(dto.categoryId), awardCategoryViewDecider);
    if (state.category.status === 'none') {
      throw new DomainRuleViolation(`Award category ${dto.categoryId} does not exist; see GET /award-categories.`, 'unknown-category', { categoryId: dto.categoryId });
    }
    const category = awardCategorySnapshot(state.category);
    if (!isWithin(unitCode, category.unitCode)) {
      throw new DomainRuleViolation(
        `Category ${category.name} is awarded by unit ${category.unitCode}; unit ${unitCode} is not within it.`,
        'unit-outside-category',
        { unitCode, categoryUnit: category.unitCode },
      );
    }
    const nominationId = dto.nominationId ?? context.newRecordId();
    const result = await this.runner.run(
      nominationStreamId(nominationId),
      nominationViewDecider,
      {
        type: 'Nominate',
        nominationId,
        category,
        nominee: {
          kind: dto.nominee.kind,
          name: dto.nominee.name,
          ...(dto.nominee.enterpriseId ? { enterpriseId: dto.nominee.enterpriseId } : {}),
          ...(dto.nominee.personId ? { personId: dto.nominee.personId } : {}),
        },
        nominatedBy: { kind: dto.nominatedBy.kind, name: dto.nominatedBy.name },
        unitCode,
        achievements: dto.achievements,
        now: context.nowIso,
      },
      context,
      { unit: unitCode },
    );
    return { ...nominationView(result.state, result.version), categoryName: category.name, duplicate: result.duplicate };
  }
}
