import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { UnitProgressHandler, UnitSummary } from './unit-progress.handler';
import { UnitProgressQuery } from './unit-progress.query';

@ApiTags('progress')
@ApiBearerAuth()
@Controller('progress')
export class UnitProgressController {
  constructor(private readonly handler: UnitProgressHandler) {}

  @Get()
  @ApiOperation({ summary: 'What the other services counted for one indicator in one calendar year, for a unit and each unit within it' })
  summary(@CurrentActor() actor: Actor, @Query() q: UnitProgressQuery): Promise<UnitSummary> {
    return this.handler.handle(actor, q);
  }
}
