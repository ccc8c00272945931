import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { RevokeCertificationDto } from './revoke-certification.dto';
import { RevokeCertificationHandler } from './revoke-certification.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class RevokeCertificationController {
  constructor(private readonly handler: RevokeCertificationHandler) {}

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('expert-assessor', 'province-admin')
  @CommandDocs()
  @ApiOperation({ summary: 'Revoke a certificate, with the reason (kept in the event and its metadata)' })
  revoke(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: RevokeCertificationDto) {
    return this.handler.handle(context, id, dto.reason);
  }
}
