import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@nangsuat/service-runtime';
import { AuditModule } from './audit/audit.module';

@Module({
  imports: [ServiceRuntimeModule.forRoot('audit'), AuditModule],
})
export class AppModule {}
