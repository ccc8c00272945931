import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { PlanCommands } from '../plan-commands';
import { PlanView } from '../plan-view';
import { AmendPlanDto } from './amend-plan.dto';

@Injectable()
export class AmendPlanHandler {
  constructor(private readonly plans: PlanCommands) {}

  handle(context: CommandContext, planId: string, dto: AmendPlanDto): Promise<PlanView> {
    const { expectedVersion, ...amendment } = dto;
    return this.plans.run(context, { type: 'AmendPlan', planId, ...amendment }, { reason: dto.reason, expectedVersion });
  }
}
