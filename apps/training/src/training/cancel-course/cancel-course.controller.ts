import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CancelCourseDto } from './cancel-course.dto';
import { CancelCourseHandler } from './cancel-course.handler';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CancelCourseController {
  constructor(private readonly handler: CancelCourseHandler) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer', 'commune-officer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Cancel a course with a reason (refused once anyone completed it)' })
  cancel(@Req() req: Request, @CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CancelCourseDto) {
    return this.handler.handle(req, actor, id, dto.reason);
  }
}
