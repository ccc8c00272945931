import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { ApplyCertificationDto } from './apply-certification.dto';
import { ApplyCertificationHandler } from './apply-certification.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class ApplyCertificationController {
  constructor(private readonly handler: ApplyCertificationHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('province-admin', 'department-officer', 'commune-officer')
  @CommandDocs()
  @ApiOperation({
    summary: 'Record an application for productivity-expert certification (TCVN 13751:2023)',
    description: 'The level\'s required evidence types must all be present. NOTE: the shipped standard\'s levels, evidence types and scores are ILLUSTRATIVE placeholders (provenance: illustrative) until the Department replaces them with the standard\'s clauses.',
  })
  apply(@CurrentCommand() context: CommandContext, @Body() dto: ApplyCertificationDto) {
    return this.handler.handle(context, dto);
  }
}
