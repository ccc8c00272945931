import { Injectable } from '@nestjs/common';
import { NominationCommands } from '../nominations/nomination-commands';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class WithdrawNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
  ) {}

  handle(context: CommandContext, nominationId: string, reason: string) {
    return this.nominations.run(context, nominationId, { type: 'WithdrawNomination', reason, now: context.nowIso }, { reason });
  }
}
