import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CommandRunner, parseDateInput, requireKnownUnit } from '@nangsuat/service-runtime';
import { AwardsClock } from '../common/clock';
import { awardCategoryView, awardCategoryViewDecider } from '../categories/award-category-view';
import { awardCategoryStreamId } from '@nangsuat/contracts/awards';
import { CreateAwardCategoryDto } from './create-award-category.dto';

@Injectable()
export class CreateAwardCategoryHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly clock: AwardsClock,
  ) {}

  async handle(req: Request, actor: Actor, dto: CreateAwardCategoryDto) {
    const unitCode = requireKnownUnit(dto.unitCode);
    this.access.assertCanWrite(actor, unitCode);
    const categoryId = dto.categoryId ?? randomUUID();
    const result = await this.runner.run(
      req,
      actor,
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
        now: this.clock.nowIso(),
      },
      { unit: unitCode },
    );
    return { ...awardCategoryView(result.state, result.version), duplicate: result.duplicate };
  }
}
