import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { SupportProgramsModule } from './support-programs/support-programs.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('support-programs', { eventSourced: true }), SupportProgramsModule],
})
export class AppModule {}
