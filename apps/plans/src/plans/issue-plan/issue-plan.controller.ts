import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarDate, Nested } from '@nangsuat/service-runtime';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { SignerDto } from '../plan-content.dto';
import { PlanCommands } from '../plan-commands.service';
import { PlanView } from '../plan-view';
import { PLAN_WRITERS } from '../plan-roles';

export class IssuePlanDto {
  @ApiPropertyOptional({ example: '4009/KH-UBND', description: 'required unless the draft has it; QD is read as QĐ' })
  @IsOptional() @IsString() @MaxLength(64) documentNumber?: string;
  @ApiPropertyOptional({ example: '26/09/2023', description: 'dd/mm/yyyy or yyyy-mm-dd' }) @IsOptional() @CalendarDate() issueDate?: string;
  @ApiPropertyOptional({ type: SignerDto }) @IsOptional() @Nested(() => SignerDto) signer?: SignerDto;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class IssuePlanController {
  constructor(private readonly plans: PlanCommands) {}

  @Post(':planId/issue')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Issue a draft under its document number (unique per issuing unit, issuer, year and type)' })
  issue(@Req() req: Request, @CurrentActor() actor: Actor, @Param('planId') planId: string, @Body() dto: IssuePlanDto): Promise<PlanView> {
    return this.plans.execute(req, actor, { type: 'IssuePlan', planId, ...dto });
  }
}
