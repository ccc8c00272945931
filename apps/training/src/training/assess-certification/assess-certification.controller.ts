import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { AssessCertificationDto } from './assess-certification.dto';
import { AssessCertificationHandler } from './assess-certification.handler';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class AssessCertificationController {
  constructor(private readonly handler: AssessCertificationHandler) {}

  @Post(':id/assessment')
  @HttpCode(200)
  @Roles('expert-assessor')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Assess an application (expert assessor): one score per criterion → passed or not-passed' })
  assess(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AssessCertificationDto) {
    return this.handler.handle(req, actor, id, dto);
  }
}
