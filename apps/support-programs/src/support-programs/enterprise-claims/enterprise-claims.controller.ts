import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles, WithoutUnit } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CLAIM_DECIDERS } from '../common/roles';
import { ClaimReasonDto, SubmitEnterpriseClaimDto } from './enterprise-claims.dto';
import { EnterpriseClaimsHandler } from './enterprise-claims.handler';
import type { EnterpriseClaimView } from './enterprise-claim-view';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

/**
 * Enterprise onboarding. A person signs up on Keycloak's registration page (email verified), then
 * claims an enterprise by its tax code; the officer of the enterprise's unit (or the department, the
 * province) confirms — the person's account is linked to the enterprise — or refuses; a link can be
 * revoked. A person without a unit or role may claim and read their own claim, nothing else.
 */
@ApiTags('enterprise claims')
@ApiBearerAuth()
@Controller('enterprise-claims')
export class EnterpriseClaimsController {
  constructor(private readonly claims: EnterpriseClaimsHandler) {}

  @Post()
  @WithoutUnit()
  @CommandDocs()
  @ApiOperation({ summary: 'Claim an enterprise by its tax code (a new one with its profile); for people who signed up themselves' })
  submit(@CurrentCommand() context: CommandContext, @Body() dto: SubmitEnterpriseClaimDto): Promise<EnterpriseClaimView> {
    return this.claims.submit(context, dto);
  }

  @Get(':id')
  @WithoutUnit()
  @ApiOperation({ summary: 'A claim: its status, and the reason when refused or revoked (the claimant, or officers of its unit)' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<EnterpriseClaimView> {
    return this.claims.get(id, actor);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles(...CLAIM_DECIDERS)
  @CommandDocs()
  @ApiOperation({ summary: "Confirm a claim: the person's account is linked to the enterprise (enterprise_id, unit, role enterprise); the officer of its unit, or a person already acting for it" })
  confirm(@CurrentCommand() context: CommandContext, @Param('id') id: string): Promise<EnterpriseClaimView> {
    return this.claims.confirm(context, id);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @Roles(...CLAIM_DECIDERS)
  @CommandDocs()
  @ApiOperation({ summary: 'Refuse a claim, with the reason the person is shown' })
  refuse(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: ClaimReasonDto): Promise<EnterpriseClaimView> {
    return this.claims.refuse(context, id, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles(...CLAIM_DECIDERS)
  @CommandDocs()
  @ApiOperation({ summary: "Revoke a confirmed link: the person's account no longer acts for the enterprise; officers of its unit, or a colleague acting for it (not for one's own link)" })
  revoke(@CurrentCommand() context: CommandContext, @Param('id') id: string, @Body() dto: ClaimReasonDto): Promise<EnterpriseClaimView> {
    return this.claims.revoke(context, id, dto);
  }
}
