import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';
import { ORGANISATION_REGISTRARS } from '../achievement-roles';
import type { OrganisationView } from '../achievement-view';
import { RegisterOrganisationDto } from './register-organisation.dto';
import { RegisterOrganisationHandler } from './register-organisation.handler';

@ApiTags('achievements')
@ApiBearerAuth()
@Controller('organisations')
export class RegisterOrganisationController {
  constructor(private readonly handler: RegisterOrganisationHandler) {}

  @Post()
  @Roles(...ORGANISATION_REGISTRARS)
  @CommandDocs()
  @ApiOperation({ summary: 'Register an organisation (school, hospital, college, institute…) in its unit, for recorded achievements' })
  register(@CurrentCommand() context: CommandContext, @Body() dto: RegisterOrganisationDto): Promise<OrganisationView & { duplicate: boolean }> {
    return this.handler.handle(context, { ...dto });
  }
}
