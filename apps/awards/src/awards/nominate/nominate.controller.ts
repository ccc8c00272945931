import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { NominateDto } from './nominate.dto';
import { NominateHandler } from './nominate.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominateController {
  constructor(private readonly handler: NominateHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('province-admin', 'department-officer', 'commune-officer')
  @CommandDocs()
  @ApiOperation({
    summary: 'Record a nomination (by an officer, the Cooperative Alliance or the Enterprise Association — entered by an officer of the unit)',
    description: 'Refused when the category does not accept the nominee kind or today is outside its period.',
  })
  nominate(@CurrentCommand() context: CommandContext, @Body() dto: NominateDto) {
    return this.handler.handle(context, dto);
  }
}
