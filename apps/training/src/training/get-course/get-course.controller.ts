import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { GetCourseHandler } from './get-course.handler';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class GetCourseController {
  constructor(private readonly handler: GetCourseHandler) {}

  @Get(':id')
  @ApiOperation({ summary: 'A course: registered trainees, waiting list, attendance per session, completions (person-times)', description: 'Readers within the course\'s unit and auditors.' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.handler.handle(actor, id);
  }
}
