import { Module } from '@nestjs/common';

/** The audit bounded context: one folder per use case (command or query) beside this module. */
@Module({})
export class AuditModule {}
