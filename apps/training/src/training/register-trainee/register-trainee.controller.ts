import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { RegisterTraineeDto } from './register-trainee.dto';
import { RegisterTraineeHandler } from './register-trainee.handler';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class RegisterTraineeController {
  constructor(private readonly handler: RegisterTraineeHandler) {}

  @Post(':id/registrations')
  @HttpCode(201)
  @Roles('province-admin', 'department-officer', 'commune-officer', 'village-officer', 'trainer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({
    summary: 'Register a person for a course',
    description: 'Beyond capacity the person is waitlisted (`waitlisted: true`, `waitlistPosition`). The same person twice → 409. Holds under concurrent registrations.',
  })
  register(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RegisterTraineeDto) {
    return this.handler.handle(req, actor, id, dto);
  }
}
