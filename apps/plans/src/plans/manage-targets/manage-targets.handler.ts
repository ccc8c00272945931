import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { TargetDto } from '../plan-content.dto';
import { PlanCommands } from '../plan-commands';
import { PlanView } from '../plan-view';

/** The targets of a draft, one at a time (an issued plan's targets change by amendment). */
@Injectable()
export class ManageTargetsHandler {
  constructor(private readonly plans: PlanCommands) {}

  add(context: CommandContext, planId: string, target: TargetDto): Promise<PlanView> {
    return this.plans.run(context, { type: 'AddTarget', planId, target });
  }

  revise(context: CommandContext, planId: string, target: TargetDto): Promise<PlanView> {
    return this.plans.run(context, { type: 'ReviseTarget', planId, target });
  }

  remove(context: CommandContext, planId: string, targetId: string): Promise<PlanView> {
    return this.plans.run(context, { type: 'RemoveTarget', planId, targetId });
  }
}
