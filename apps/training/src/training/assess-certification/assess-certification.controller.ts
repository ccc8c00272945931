import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { AssessCertificationDto } from './assess-certification.dto';
import { AssessCertificationHandler } from './assess-certification.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class AssessCertificationController {
  constructor(private readonly handler: AssessCertificationHandler) {}

  @Post(':id/assessment')
  @HttpCode(200)
  @Roles('expert-assessor')
  @CommandDocs()
  @ApiOperation({ summary: 'Assess an application (expert assessor): one score per criterion → passed or not-passed' })
  assess(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: AssessCertificationDto) {
    return this.handler.handle(context, id, dto);
  }
}
