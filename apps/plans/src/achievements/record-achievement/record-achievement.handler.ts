import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { achievementDecider, achievementStreamId } from '@nangsuat/contracts/plans';
import { IndicatorCatalogue } from '../../indicators/indicator-catalogue.service';
import { AchievementLoader, personOf } from '../achievement-loader';
import { achievementView, AchievementView } from '../achievement-view';
import { RecordAchievementDto } from './record-achievement.dto';

/**
 * Records an achievement of an organisation: the organisation's unit decides who may record it
 * (AccessPolicy), the command carries the catalogue's entry for the indicator, the decider decides.
 */
@Injectable()
export class RecordAchievementHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly loader: AchievementLoader,
    private readonly catalogue: IndicatorCatalogue,
  ) {}

  async handle(context: CommandContext, input: RecordAchievementDto): Promise<AchievementView & { duplicate: boolean }> {
    const [{ state: org }, lookup] = await Promise.all([this.loader.organisation(input.organisationId), this.catalogue.lookup()]);
    this.access.assertCanWrite(context.actor, org.details!.unitCode);
    const achievementId = input.achievementId ?? context.newRecordId();
    const result = await this.runner.run(
      achievementStreamId(achievementId),
      achievementDecider,
      {
        type: 'RecordAchievement',
        achievementId,
        indicatorCode: input.indicator,
        indicator: lookup(input.indicator),
        organisationId: input.organisationId,
        organisation: org.details,
        subjectRef: input.subjectRef,
        achievedOn: input.achievedOn,
        description: input.description,
        evidence: input.evidence,
        value: input.value,
        recordedBy: personOf(context.actor),
        today: toVietnamDate(context.now),
      },
      context,
      { unit: org.details!.unitCode, reason: `Ghi nhận: ${input.evidence}` },
    );
    return { ...achievementView(result.state, result.version), duplicate: result.duplicate };
  }
}
