import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { ExpireCertificationHandler } from './expire-certification.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class ExpireCertificationController {
  constructor(private readonly handler: ExpireCertificationHandler) {}

  @Post(':id/expire')
  @HttpCode(200)
  @Roles('expert-assessor', 'province-admin')
  @CommandDocs()
  @ApiOperation({ summary: 'Record the expiry of a certificate after its validTo (the scheduled job does this too); 422 while still valid' })
  expire(@CurrentCommand() context: CommandContext, @Param('id') id: string) {
    return this.handler.handle(context, id);
  }
}
