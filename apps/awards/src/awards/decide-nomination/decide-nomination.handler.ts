import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { optionalDateInput } from '@nangsuat/service-runtime';
import { AwardsClock } from '../common/clock';
import { NominationCommands } from '../nominations/nomination-commands';
import { vietnamDate } from '@nangsuat/contracts/awards';
import { DecideNominationDto } from './decide-nomination.dto';

@Injectable()
export class DecideNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
    private readonly clock: AwardsClock,
  ) {}

  handle(req: Request, actor: Actor, nominationId: string, dto: DecideNominationDto) {
    const now = this.clock.nowIso();
    return this.nominations.run(
      req,
      actor,
      nominationId,
      {
        type: 'DecideNomination',
        outcome: dto.outcome,
        decisionDocumentNumber: dto.decisionDocumentNumber,
        decisionDate: optionalDateInput(dto.decisionDate, 'decisionDate') ?? vietnamDate(now),
        decidedBy: actor.username,
        now,
      },
      { reason: `decision ${dto.decisionDocumentNumber}` },
    );
  }
}
