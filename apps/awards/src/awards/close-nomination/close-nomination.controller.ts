import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CloseNominationHandler } from './close-nomination.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class CloseNominationController {
  constructor(private readonly handler: CloseNominationHandler) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('province-admin', 'department-officer', 'award-council')
  @CommandDocs()
  @ApiOperation({ summary: 'Close a decided nomination' })
  close(@CurrentCommand() context: CommandContext, @Param('id') id: string) {
    return this.handler.handle(context, id);
  }
}
