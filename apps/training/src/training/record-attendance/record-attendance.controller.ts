import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { RecordAttendanceDto } from './record-attendance.dto';
import { RecordAttendanceHandler } from './record-attendance.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class RecordAttendanceController {
  constructor(private readonly handler: RecordAttendanceHandler) {}

  @Post(':id/attendance')
  @HttpCode(200)
  @Roles('trainer', 'province-admin')
  @CommandDocs()
  @ApiOperation({ summary: 'Record that a registered trainee attended a session (not before the session date; repeating it changes nothing)' })
  record(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: RecordAttendanceDto) {
    return this.handler.handle(context, id, dto);
  }
}
