import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import { NotFound } from '@nangsuat/event-sourcing';
import { CommandRunner } from '@nangsuat/service-runtime';
import { achievementDecider, AchievementState, achievementStreamId, organisationDecider, OrganisationState, organisationStreamId, Person } from '@nangsuat/contracts/plans';

/** The person an achievement's events name: who recorded or reviewed it, for which unit. */
export const personOf = (actor: Actor): Person => ({ username: actor.username, unit: actor.unit, roles: actor.roles ?? [] });

/** Loads organisations and achievements from the event store (current, not eventually consistent); 404 when they do not exist. */
@Injectable()
export class AchievementLoader {
  constructor(private readonly runner: CommandRunner) {}

  async organisation(organisationId: string): Promise<{ state: OrganisationState; version: number }> {
    const loaded = await this.runner.load(organisationStreamId(organisationId), organisationDecider);
    if (!loaded.state.details) throw new NotFound(`No organisation ${organisationId} is registered.`, { organisationId });
    return loaded;
  }

  async achievement(achievementId: string): Promise<{ state: AchievementState; version: number }> {
    const loaded = await this.runner.load(achievementStreamId(achievementId), achievementDecider);
    if (loaded.state.status === 'none') throw new NotFound(`No achievement ${achievementId} is recorded.`, { achievementId });
    return loaded;
  }
}
