import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { ExpireCertificationHandler } from './expire-certification.handler';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class ExpireCertificationController {
  constructor(private readonly handler: ExpireCertificationHandler) {}

  @Post(':id/expire')
  @HttpCode(200)
  @Roles('expert-assessor', 'province-admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Record the expiry of a certificate after its validTo (the scheduled job does this too); 422 while still valid' })
  expire(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.handler.handle(req, actor, id);
  }
}
