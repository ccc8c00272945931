import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { GetNominationHandler } from './get-nomination.handler';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class GetNominationController {
  constructor(private readonly handler: GetNominationHandler) {}

  @Get(':id')
  @ApiOperation({ summary: 'One nomination: nominee, council, evaluations, decision' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.handler.handle(actor, id);
  }
}
