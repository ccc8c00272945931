import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { AwardsClock } from '../common/clock';
import { NominationCommands } from '../nominations/nomination-commands';

@Injectable()
export class StartEvaluationHandler {
  constructor(
    private readonly nominations: NominationCommands,
    private readonly clock: AwardsClock,
  ) {}

  handle(req: Request, actor: Actor, nominationId: string, councilMemberIds: string[]) {
    return this.nominations.run(req, actor, nominationId, { type: 'StartEvaluation', councilMemberIds, now: this.clock.nowIso() });
  }
}
