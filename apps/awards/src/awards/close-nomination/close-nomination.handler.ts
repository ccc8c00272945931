import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { AwardsClock } from '../common/clock';
import { NominationCommands } from '../nominations/nomination-commands';

@Injectable()
export class CloseNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
    private readonly clock: AwardsClock,
  ) {}

  handle(req: Request, actor: Actor, nominationId: string) {
    return this.nominations.run(req, actor, nominationId, { type: 'CloseNomination', now: this.clock.nowIso() });
  }
}
