import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { RenewCertificationDto } from './renew-certification.dto';
import { RenewCertificationHandler } from './renew-certification.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class RenewCertificationController {
  constructor(private readonly handler: RenewCertificationHandler) {}

  @Post(':id/renew')
  @HttpCode(200)
  @Roles('expert-assessor')
  @CommandDocs()
  @ApiOperation({ summary: 'Renew a certificate while it is still valid, with the renewal evidence' })
  renew(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: RenewCertificationDto) {
    return this.handler.handle(context, id, dto);
  }
}
