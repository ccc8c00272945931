import { Injectable } from '@nestjs/common';
import { CommandContext } from '@nangsuat/service-runtime';
import { PlanChangesDto } from '../plan-content.dto';
import { PlanCommands } from '../plan-commands';
import { PlanView } from '../plan-view';

@Injectable()
export class ReviseDraftHandler {
  constructor(private readonly plans: PlanCommands) {}

  handle(context: CommandContext, planId: string, changes: PlanChangesDto): Promise<PlanView> {
    return this.plans.run(context, { type: 'ReviseDraft', planId, changes });
  }
}
