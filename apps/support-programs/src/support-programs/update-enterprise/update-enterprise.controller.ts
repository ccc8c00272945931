import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { ENTERPRISE_WRITERS } from '../common/roles';
import { enterpriseIdParam } from '../common/http';
import { EnterpriseView } from '../common/views';
import { UpdateEnterpriseDto } from '../register-enterprise/register-enterprise.dto';
import { UpdateEnterpriseHandler } from './update-enterprise.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('enterprises')
@Controller('enterprises')
export class UpdateEnterpriseController {
  constructor(private readonly handler: UpdateEnterpriseHandler) {}

  @Patch(':id')
  @Roles(...ENTERPRISE_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: "Change an enterprise's profile (name, unit, sector, size, group); the tax code never changes" })
  @ApiOkResponse({ description: 'The enterprise after the change' })
  update(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() body: UpdateEnterpriseDto): Promise<EnterpriseView> {
    return this.handler.handle(context, enterpriseIdParam(id), body);
  }
}
