import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CancelRegistrationDto } from './cancel-registration.dto';
import { CancelRegistrationHandler } from './cancel-registration.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

const ROLES = ['province-admin', 'department-officer', 'commune-officer', 'village-officer', 'trainer'] as const;

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses')
export class CancelRegistrationController {
  constructor(private readonly handler: CancelRegistrationHandler) {}

  @Post(':id/registrations/:personId/cancel')
  @HttpCode(200)
  @Roles(...ROLES)
  @CommandDocs()
  @ApiOperation({ summary: 'Cancel a registration (reason optional); a freed seat goes to the first person waiting (`promoted`)' })
  cancel(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Param('personId') personId: string, @Body() dto: CancelRegistrationDto) {
    return this.handler.handle(context, id, personId, dto.reason);
  }

  @Delete(':id/registrations/:personId')
  @HttpCode(200)
  @Roles(...ROLES)
  @CommandDocs()
  @ApiOperation({ summary: 'Same as POST …/cancel, without a reason' })
  remove(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Param('personId') personId: string) {
    return this.handler.handle(context, id, personId);
  }
}
