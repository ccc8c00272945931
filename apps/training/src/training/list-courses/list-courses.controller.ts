import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListCoursesHandler } from './list-courses.handler';
import { ListCoursesQuery } from './list-courses.query';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class ListCoursesController {
  constructor(private readonly handler: ListCoursesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Course catalogue (any signed-in user; summaries and counts, no trainee names)', description: 'Eventually consistent read model.' })
  list(@Query() q: ListCoursesQuery) {
    return this.handler.handle(q);
  }
}
