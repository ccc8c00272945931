import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { ENTERPRISE_WRITERS } from '../common/roles';
import { EnterpriseView } from '../common/views';
import { RegisterEnterpriseDto } from './register-enterprise.dto';
import { RegisterEnterpriseHandler } from './register-enterprise.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('enterprises')
@Controller('enterprises')
export class RegisterEnterpriseController {
  constructor(private readonly handler: RegisterEnterpriseHandler) {}

  @Post()
  @Roles(...ENTERPRISE_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Register an enterprise (tax code validated): the enterprise itself, or an officer on its behalf within their unit' })
  @ApiCreatedResponse({ description: 'The enterprise; its id is mst-<tax code>' })
  register(@CurrentCommand() context: CommandContext, @Body() body: RegisterEnterpriseDto): Promise<EnterpriseView> {
    return this.handler.handle(context, body);
  }
}
