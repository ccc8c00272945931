import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { Nested, newRecordId } from '@nangsuat/service-runtime';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { PlanContentDto } from '../plan-content.dto';
import { PlanCommands } from '../plan-commands.service';
import { PlanView } from '../plan-view';
import { PLAN_WRITERS } from '../plan-roles';

export class DraftPlanDto {
  @ApiPropertyOptional({ example: 'ninh-thuan-4009', description: 'lower-case letters, digits and dashes; generated when absent' })
  @IsOptional() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{2,63}$/, { message: 'planId must be 3–64 lower-case letters, digits or dashes' })
  planId?: string;

  @ApiProperty({ type: PlanContentDto }) @Nested(() => PlanContentDto)
  content: PlanContentDto;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class DraftPlanController {
  constructor(private readonly plans: PlanCommands) {}

  @Post()
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Draft a plan (Kế hoạch) for an administrative unit within yours' })
  draft(@Req() req: Request, @CurrentActor() actor: Actor, @Body() dto: DraftPlanDto): Promise<PlanView> {
    return this.plans.execute(req, actor, { type: 'DraftPlan', planId: dto.planId ?? newRecordId(req), content: dto.content as any });
  }
}
