import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { TrainingModule } from './training/training.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('training'), TrainingModule],
})
export class AppModule {}
