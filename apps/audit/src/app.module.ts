import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { integrityConcern } from './audit/anomalies/integrity-concern';
import { AuditModule } from './audit/audit.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('audit', { healthConcerns: [integrityConcern] }), AuditModule],
})
export class AppModule {}
