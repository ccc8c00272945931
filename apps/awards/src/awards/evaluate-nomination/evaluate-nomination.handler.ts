import { Injectable } from '@nestjs/common';
import { Forbidden } from '@nangsuat/event-sourcing';
import { NominationCommands } from '../nominations/nomination-commands';
import { EvaluateNominationDto } from './evaluate-nomination.dto';
import { CommandContext } from '@nangsuat/service-runtime';

/** A council member's own evaluation: the member is the caller (username), never a body field. */
@Injectable()
export class EvaluateNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
  ) {}

  handle(context: CommandContext, nominationId: string, dto: EvaluateNominationDto) {
    return this.nominations.run(
      context,
      nominationId,
      { type: 'EvaluateNomination', memberId: context.actor.username, score: dto.score, comment: dto.comment, now: context.nowIso },
      {
        check: (view) => {
          const council = view.nomination.councilMemberIds;
          if (view.nomination.status === 'under-evaluation' && !council.includes(context.actor.username)) {
            throw new Forbidden(`${context.actor.username} is not a member of this nomination's award council (${council.join(', ')}).`, { council });
          }
        },
      },
    );
  }
}
