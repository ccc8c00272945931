import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { NominationCommands } from '../nominations/nomination-commands';
import { nominationView } from '../nominations/nomination-view';

/** Current (from the store) and scoped to the nomination's unit. */
@Injectable()
export class GetNominationHandler {
  constructor(
    private readonly nominations: NominationCommands,
    private readonly access: AccessPolicy,
  ) {}

  async handle(actor: Actor, nominationId: string) {
    const { view, version, unitCode } = await this.nominations.get(nominationId);
    this.access.assertCanRead(actor, unitCode);
    return nominationView(view, version);
  }
}
