import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { AwardsClock } from '../common/clock';
import { NominationCommands } from '../nominations/nomination-commands';

@Injectable()
export class WithdrawNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
    private readonly clock: AwardsClock,
  ) {}

  handle(req: Request, actor: Actor, nominationId: string, reason: string) {
    return this.nominations.run(req, actor, nominationId, { type: 'WithdrawNomination', reason, now: this.clock.nowIso() }, { reason });
  }
}
