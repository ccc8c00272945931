import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { RegisterTraineeDto } from './register-trainee.dto';
import { RegisterTraineeHandler } from './register-trainee.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class RegisterTraineeController {
  constructor(private readonly handler: RegisterTraineeHandler) {}

  @Post(':id/registrations')
  @HttpCode(201)
  @Roles('province-admin', 'department-officer', 'commune-officer', 'village-officer', 'trainer')
  @CommandDocs()
  @ApiOperation({
    summary: 'Register a person for a course',
    description: 'Beyond capacity the person is waitlisted (`waitlisted: true`, `waitlistPosition`). The same person twice → 409. Holds under concurrent registrations.',
  })
  register(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: RegisterTraineeDto) {
    return this.handler.handle(context, id, dto);
  }
}
