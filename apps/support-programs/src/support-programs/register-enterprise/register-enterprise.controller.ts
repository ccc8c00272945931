import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CommandDocs } from '../common/http';
import { EnterpriseView } from '../common/views';
import { RegisterEnterpriseDto } from './register-enterprise.dto';
import { RegisterEnterpriseHandler } from './register-enterprise.handler';

export const ENTERPRISE_WRITERS = ['enterprise', 'province-admin', 'department-officer', 'commune-officer', 'village-officer'] as const;

@ApiTags('enterprises')
@Controller('enterprises')
export class RegisterEnterpriseController {
  constructor(private readonly handler: RegisterEnterpriseHandler) {}

  @Post()
  @Roles(...ENTERPRISE_WRITERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Register an enterprise (tax code validated): the enterprise itself, or an officer on its behalf within their unit' })
  @ApiCreatedResponse({ description: 'The enterprise; its id is mst-<tax code>' })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterEnterpriseDto, @Req() req: Request): Promise<EnterpriseView> {
    return this.handler.handle(body, actor, req);
  }
}
