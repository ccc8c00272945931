import { Injectable } from '@nestjs/common';
import { Actor, Forbidden } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { AwardsClock } from '../common/clock';
import { NominationCommands } from '../nominations/nomination-commands';
import { EvaluateNominationDto } from './evaluate-nomination.dto';

/** A council member's own evaluation: the member is the caller (username), never a body field. */
@Injectable()
export class EvaluateNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
    private readonly clock: AwardsClock,
  ) {}

  handle(req: Request, actor: Actor, nominationId: string, dto: EvaluateNominationDto) {
    return this.nominations.run(
      req,
      actor,
      nominationId,
      { type: 'EvaluateNomination', memberId: actor.username, score: dto.score, comment: dto.comment, now: this.clock.nowIso() },
      {
        check: (view) => {
          const council = view.nomination.councilMemberIds;
          if (view.nomination.status === 'under-evaluation' && !council.includes(actor.username)) {
            throw new Forbidden(`${actor.username} is not a member of this nomination's award council (${council.join(', ')}).`, { council });
          }
        },
      },
    );
  }
}
