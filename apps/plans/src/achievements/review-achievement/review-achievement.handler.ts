import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { achievementDecider, achievementStreamId } from '@nangsuat/contracts/plans';
import { AchievementLoader, personOf } from '../achievement-loader';
import { achievementView, AchievementView } from '../achievement-view';

export type ReviewAction = { type: 'VerifyAchievement'; note?: string } | { type: 'RefuseAchievement'; reason: string } | { type: 'WithdrawAchievement'; reason: string };

/** Verification, refusal or withdrawal of a recorded achievement; the decider says who is "the unit above". */
@Injectable()
export class ReviewAchievementHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly loader: AchievementLoader,
  ) {}

  async handle(context: CommandContext, achievementId: string, action: ReviewAction): Promise<AchievementView & { duplicate: boolean }> {
    const { state } = await this.loader.achievement(achievementId);
    const unit = state.facts!.unitCode;
    this.access.assertCanWrite(context.actor, unit);
    const reason = 'reason' in action ? action.reason : action.note;
    const result = await this.runner.run(
      achievementStreamId(achievementId),
      achievementDecider,
      { ...action, achievementId, by: personOf(context.actor), at: context.nowIso } as never,
      context,
      { unit, reason },
    );
    return { ...achievementView(result.state, result.version), duplicate: result.duplicate };
  }
}
