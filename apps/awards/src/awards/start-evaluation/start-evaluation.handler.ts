import { Injectable } from '@nestjs/common';
import { NominationCommands } from '../nominations/nomination-commands';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class StartEvaluationHandler {
  constructor(
    private readonly nominations: NominationCommands,
  ) {}

  handle(context: CommandContext, nominationId: string, councilMemberIds: string[]) {
    return this.nominations.run(context, nominationId, { type: 'StartEvaluation', councilMemberIds, now: context.nowIso });
  }
}
