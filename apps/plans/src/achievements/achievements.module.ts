import { Module } from '@nestjs/common';
import { IndicatorsModule } from '../indicators/indicators.module';
import { AchievementLoader } from './achievement-loader';
import { RecordAchievementHandler } from './record-achievement/record-achievement.handler';
import { RegisterOrganisationHandler } from './register-organisation/register-organisation.handler';
import { ReviewAchievementHandler } from './review-achievement/review-achievement.handler';
import { ListAchievementsController } from './list-achievements/list-achievements.controller';
import { ListOrganisationsController } from './list-organisations/list-organisations.controller';
import { ListOrganisationsHandler } from './list-organisations/list-organisations.handler';
import { ListAchievementsHandler } from './list-achievements/list-achievements.handler';
import { RecordAchievementController } from './record-achievement/record-achievement.controller';
import { RegisterOrganisationController } from './register-organisation/register-organisation.controller';
import { ReviewAchievementController } from './review-achievement/review-achievement.controller';

/**
 * Recorded achievements and the registry of organisations they name (docs/decisions/0009). Its
 * verified facts reach progress the way the other services' facts do: published on the plans topic
 * and mapped by the contributions consumer. Read models: achievement-projections.ts (registered with
 * the plans context's projections).
 */
@Module({
  imports: [IndicatorsModule],
  controllers: [RegisterOrganisationController, ListOrganisationsController, RecordAchievementController, ReviewAchievementController, ListAchievementsController],
  providers: [AchievementLoader, RegisterOrganisationHandler, RecordAchievementHandler, ReviewAchievementHandler, ListOrganisationsHandler, ListAchievementsHandler],
})
export class AchievementsModule {}
