import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { CommandContext, CommandRunner, parseDateInput, requireKnownUnit } from '@nangsuat/service-runtime';
import { awardCategoryView, awardCategoryViewDecider } from '../categories/award-category-view';
import { awardCategoryStreamId } from '@nangsuat/contracts/awards';
import { CreateAwardCategoryDto } from './create-award-category.dto';

@Injectable()
export class CreateAwardCategoryHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, dto: CreateAwardCategoryDto) {
    const unitCode = requireKnownUnit(dto.unitCode);
    this.access.assertCanWrite(context.actor, unitCode);
    const categoryId = dto.categoryId ?? randomUUID();
    const result = await this.runner.run(
      awardCategoryStreamId(categoryId),
      awardCategoryViewDecider,
      {
        type: 'CreateAwardCategory',
        categoryId,
        unitCode,
        name: dto.name,
        ...(dto.description ? { description: dto.description } : {}),
        eligibleNomineeKinds: dto.eligibleNomineeKinds,
        period: { from: parseDateInput(dto.period.from, 'period.from'), to: parseDateInput(dto.period.to, 'period.to') },
        now: context.nowIso,
      },
      context,
      { unit: unitCode },
    );
    return { ...awardCategoryView(result.state, result.version), duplicate: result.duplicate };
  }
}
