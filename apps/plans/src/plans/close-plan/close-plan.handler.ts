import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { PlanCommands } from '../plan-commands';
import { PlanView } from '../plan-view';
import { ClosePlanDto } from './close-plan.dto';

@Injectable()
export class ClosePlanHandler {
  constructor(private readonly plans: PlanCommands) {}

  handle(context: CommandContext, planId: string, dto: ClosePlanDto): Promise<PlanView> {
    return this.plans.run(context, { type: 'ClosePlan', planId, closedOn: dto.closedOn, reason: dto.reason }, { reason: dto.reason });
  }
}
