import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { SupportProgramsModule } from './support-programs/support-programs.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('support-programs'), SupportProgramsModule],
})
export class AppModule {}
