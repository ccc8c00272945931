import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { RecordAttendanceDto } from './record-attendance.dto';
import { RecordAttendanceHandler } from './record-attendance.handler';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class RecordAttendanceController {
  constructor(private readonly handler: RecordAttendanceHandler) {}

  @Post(':id/attendance')
  @HttpCode(200)
  @Roles('trainer', 'province-admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Record that a registered trainee attended a session (not before the session date; repeating it changes nothing)' })
  record(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: RecordAttendanceDto) {
    return this.handler.handle(req, actor, id, dto);
  }
}
