import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { TrainingModule } from './training/training.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('training', { eventSourced: { conflictRetries: 25 } }), TrainingModule],
})
export class AppModule {}
