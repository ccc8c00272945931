import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { ListCertificationsHandler } from './list-certifications.handler';
import { ListCertificationsQuery } from './list-certifications.query';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class ListCertificationsController {
  constructor(private readonly handler: ListCertificationsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Certifications in a unit subtree; filter by status (incl. active on a date), level, q' })
  list(@CurrentActor() actor: Actor, @Query() q: ListCertificationsQuery) {
    return this.handler.handle(actor, q);
  }
}
