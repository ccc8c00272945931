import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { PlanCommands } from '../plan-commands';
import { PlanView } from '../plan-view';
import { IssuePlanDto } from './issue-plan.dto';

@Injectable()
export class IssuePlanHandler {
  constructor(private readonly plans: PlanCommands) {}

  handle(context: CommandContext, planId: string, dto: IssuePlanDto): Promise<PlanView> {
    return this.plans.run(context, { type: 'IssuePlan', planId, documentNumber: dto.documentNumber, issueDate: dto.issueDate, signer: dto.signer });
  }
}
