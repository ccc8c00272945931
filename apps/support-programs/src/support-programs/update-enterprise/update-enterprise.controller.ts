import { Body, Controller, Param, Patch, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs, enterpriseIdParam } from '../common/http';
import { EnterpriseView } from '../common/views';
import { ENTERPRISE_WRITERS } from '../register-enterprise/register-enterprise.controller';
import { UpdateEnterpriseDto } from '../register-enterprise/register-enterprise.dto';
import { UpdateEnterpriseHandler } from './update-enterprise.handler';

@ApiTags('enterprises')
@Controller('enterprises')
export class UpdateEnterpriseController {
  constructor(private readonly handler: UpdateEnterpriseHandler) {}

  @Patch(':id')
  @Roles(...ENTERPRISE_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: "Change an enterprise's profile (name, unit, sector, size, group); the tax code never changes" })
  @ApiOkResponse({ description: 'The enterprise after the change' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateEnterpriseDto, @Req() req: Request): Promise<EnterpriseView> {
    return this.handler.handle(enterpriseIdParam(id), body, actor, req);
  }
}
