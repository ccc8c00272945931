import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { AwardsModule } from './awards/awards.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('awards', { eventSourced: true }), AwardsModule],
})
export class AppModule {}
