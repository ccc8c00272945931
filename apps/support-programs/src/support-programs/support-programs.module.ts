import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@nangsuat/projections';
import { EventLog } from './common/event-log';
import { READ_MODEL_FACTORIES } from './common/read-models';
import { CreateProgrammeController } from './create-programme/create-programme.controller';
import { CreateProgrammeHandler } from './create-programme/create-programme.handler';
import { ListProgrammesController } from './list-programmes/list-programmes.controller';
import { ProgrammeQueries } from './list-programmes/list-programmes.query';
import { UpdateProgrammeController } from './update-programme/update-programme.controller';
import { UpdateProgrammeHandler } from './update-programme/update-programme.handler';

/** The support-programs bounded context: one folder per use case (command or query) beside this module. */
@Module({
  imports: [ProjectionsModule.forContext('support-programs', READ_MODEL_FACTORIES)],
  controllers: [CreateProgrammeController, UpdateProgrammeController, ListProgrammesController],
  providers: [EventLog, CreateProgrammeHandler, UpdateProgrammeHandler, ProgrammeQueries],
})
export class SupportProgramsModule {}
