import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner, ID_PATTERN } from '@nangsuat/service-runtime';
import { NominationCommand, nominationStreamId } from '@nangsuat/contracts/awards';
import { nominationView, nominationViewDecider, NominationViewState } from './nomination-view';

const ID = ID_PATTERN;

/** Loads nominations (404, scope) and runs commands on them; responses are the current view. */
@Injectable()
export class NominationCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async get(nominationId: string): Promise<{ view: NominationViewState; version: number; unitCode: string }> {
    if (!ID.test(nominationId)) throw new NotFound(`Nomination ${JSON.stringify(nominationId)} does not exist.`);
    const { state, version } = await this.runner.load(nominationStreamId(nominationId), nominationViewDecider);
    if (state.nomination.status === 'none' || !state.nomination.ref) throw new NotFound(`Nomination ${nominationId} does not exist.`, { nominationId });
    return { view: state, version, unitCode: state.nomination.ref.unitCode };
  }

  /** `check` runs after the scope check and before the command (e.g. council membership). */
  async run(context: CommandContext, nominationId: string, command: NominationCommand, options: { reason?: string; check?: (view: NominationViewState) => void } = {}) {
    const { view, unitCode } = await this.get(nominationId);
    this.access.assertCanWrite(context.actor, unitCode);
    options.check?.(view);
    const result = await this.runner.run(nominationStreamId(nominationId), nominationViewDecider, command, context, { unit: unitCode, reason: options.reason });
    return { ...nominationView(result.state, result.version), duplicate: result.duplicate };
  }
}
