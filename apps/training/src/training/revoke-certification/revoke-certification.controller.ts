import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { RevokeCertificationDto } from './revoke-certification.dto';
import { RevokeCertificationHandler } from './revoke-certification.handler';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class RevokeCertificationController {
  constructor(private readonly handler: RevokeCertificationHandler) {}

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('expert-assessor', 'province-admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Revoke a certificate, with the reason (kept in the event and its metadata)' })
  revoke(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RevokeCertificationDto) {
    return this.handler.handle(req, actor, id, dto.reason);
  }
}
