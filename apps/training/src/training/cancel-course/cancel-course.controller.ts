import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CancelCourseDto } from './cancel-course.dto';
import { CancelCourseHandler } from './cancel-course.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CancelCourseController {
  constructor(private readonly handler: CancelCourseHandler) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer', 'commune-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Cancel a course with a reason (refused once anyone completed it)' })
  cancel(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: CancelCourseDto) {
    return this.handler.handle(context, id, dto.reason);
  }
}
