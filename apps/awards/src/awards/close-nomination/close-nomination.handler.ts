import { Injectable } from '@nestjs/common';
import { NominationCommands } from '../nominations/nomination-commands';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class CloseNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
  ) {}

  handle(context: CommandContext, nominationId: string) {
    return this.nominations.run(context, nominationId, { type: 'CloseNomination', now: context.nowIso });
  }
}
