import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { GrantCertificationDto } from './grant-certification.dto';
import { GrantCertificationHandler } from './grant-certification.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class GrantCertificationController {
  constructor(private readonly handler: GrantCertificationHandler) {}

  @Post(':id/grant')
  @HttpCode(200)
  @Roles('expert-assessor')
  @CommandDocs()
  @ApiOperation({ summary: 'Grant the certificate (number, validity) to a passed application' })
  grant(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: GrantCertificationDto) {
    return this.handler.handle(context, id, dto);
  }
}
