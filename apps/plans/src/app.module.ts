import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { PlansModule } from './plans/plans.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('plans', { eventSourced: true }), PlansModule],
})
export class AppModule {}
