import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { ScheduleCourseDto } from './schedule-course.dto';
import { ScheduleCourseHandler } from './schedule-course.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class ScheduleCourseController {
  constructor(private readonly handler: ScheduleCourseHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('province-admin', 'department-officer', 'commune-officer', 'trainer')
  @CommandDocs()
  @ApiOperation({ summary: 'Schedule a course (within your unit)', description: 'Dates dd/mm/yyyy or yyyy-mm-dd. Sessions default to one per course day.' })
  schedule(@CurrentCommand() context: CommandContext, @Body() dto: ScheduleCourseDto) {
    return this.handler.handle(context, dto);
  }
}
