import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { PlanCommands } from '../plan-commands';
import { PlanView } from '../plan-view';
import { DraftPlanDto } from './draft-plan.dto';

@Injectable()
export class DraftPlanHandler {
  constructor(private readonly plans: PlanCommands) {}

  /** A plan id the client did not give is derived from the Idempotency-Key, so a retry drafts the same plan. */
  handle(context: CommandContext, dto: DraftPlanDto): Promise<PlanView> {
    return this.plans.run(context, { type: 'DraftPlan', planId: dto.planId ?? context.newRecordId(), content: dto.content });
  }
}
