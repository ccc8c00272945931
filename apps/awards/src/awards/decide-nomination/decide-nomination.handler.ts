import { Injectable } from '@nestjs/common';
import { CommandContext, optionalDateInput } from '@nangsuat/service-runtime';
import { NominationCommands } from '../nominations/nomination-commands';
import { vietnamDate } from '@nangsuat/contracts/awards';
import { DecideNominationDto } from './decide-nomination.dto';

@Injectable()
export class DecideNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
  ) {}

  handle(context: CommandContext, nominationId: string, dto: DecideNominationDto) {
    const now = context.nowIso;
    return this.nominations.run(
      context,
      nominationId,
      {
        type: 'DecideNomination',
        outcome: dto.outcome,
        decisionDocumentNumber: dto.decisionDocumentNumber,
        decisionDate: optionalDateInput(dto.decisionDate, 'decisionDate') ?? vietnamDate(now),
        decidedBy: context.actor.username,
        now,
      },
      { reason: `decision ${dto.decisionDocumentNumber}` },
    );
  }
}
