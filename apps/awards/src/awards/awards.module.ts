import { Module } from '@nestjs/common';

/** The awards bounded context: one folder per use case (command or query) beside this module. */
@Module({})
export class AwardsModule {}
