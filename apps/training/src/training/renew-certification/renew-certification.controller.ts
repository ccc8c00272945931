import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { RenewCertificationDto } from './renew-certification.dto';
import { RenewCertificationHandler } from './renew-certification.handler';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class RenewCertificationController {
  constructor(private readonly handler: RenewCertificationHandler) {}

  @Post(':id/renew')
  @HttpCode(200)
  @Roles('expert-assessor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Renew a certificate while it is still valid, with the renewal evidence' })
  renew(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RenewCertificationDto) {
    return this.handler.handle(req, actor, id, dto);
  }
}
