import { Body, Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CancelRegistrationDto } from './cancel-registration.dto';
import { CancelRegistrationHandler } from './cancel-registration.handler';

const ROLES = ['province-admin', 'department-officer', 'commune-officer', 'village-officer', 'trainer'] as const;

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CancelRegistrationController {
  constructor(private readonly handler: CancelRegistrationHandler) {}

  @Post(':id/registrations/:personId/cancel')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Cancel a registration (reason optional); a freed seat goes to the first person waiting (`promoted`)' })
  cancel(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Param('personId') personId: string, @Body() dto: CancelRegistrationDto) {
    return this.handler.handle(req, actor, id, personId, dto.reason);
  }

  @Delete(':id/registrations/:personId')
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Same as POST …/cancel, without a reason' })
  remove(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Param('personId') personId: string) {
    return this.handler.handle(req, actor, id, personId);
  }
}
