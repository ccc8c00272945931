import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { GetCertificationHandler } from './get-certification.handler';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class GetCertificationController {
  constructor(private readonly handler: GetCertificationHandler) {}

  @Get(':id')
  @ApiOperation({ summary: 'One certification: application, evidence, assessment, validity, renewals, revocation' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.handler.handle(actor, id);
  }
}
