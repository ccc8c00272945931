import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { GrantCertificationDto } from './grant-certification.dto';
import { GrantCertificationHandler } from './grant-certification.handler';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class GrantCertificationController {
  constructor(private readonly handler: GrantCertificationHandler) {}

  @Post(':id/grant')
  @HttpCode(200)
  @Roles('expert-assessor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Grant the certificate (number, validity) to a passed application' })
  grant(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: GrantCertificationDto) {
    return this.handler.handle(req, actor, id, dto);
  }
}
