import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { BoundedNumber, CalendarDate, Nested } from '@nangsuat/service-runtime';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { PlanChangesDto } from '../plan-content.dto';
import { PlanCommands } from '../plan-commands.service';
import { PlanView } from '../plan-view';
import { PLAN_WRITERS } from '../plan-roles';

export class AmendPlanDto {
  @ApiProperty({ example: 'Điều chỉnh chỉ tiêu đào tạo theo Kế hoạch 138/KH-UBND của tỉnh' })
  @IsString() @MinLength(5) @MaxLength(2000) reason: string;
  @ApiProperty({ example: 'Công văn số 336/SKHCN-TĐC ngày 22/7/2025' }) @IsString() @MinLength(3) @MaxLength(500) legalBasis: string;
  @ApiPropertyOptional({ example: '512/KH-UBND' }) @IsOptional() @IsString() @MaxLength(64) amendmentDocument?: string;
  @ApiProperty({ example: '01/08/2025', description: 'first day the new version applies; dd/mm/yyyy or yyyy-mm-dd' }) @CalendarDate() effectiveDate: string;
  @ApiProperty({ type: PlanChangesDto }) @Nested(() => PlanChangesDto) changes: PlanChangesDto;
  @ApiPropertyOptional({ description: 'the streamVersion you read; a stale view gets 409' }) @IsOptional() @BoundedNumber(1, 1_000_000, { integer: true }) expectedVersion?: number;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class AmendPlanController {
  constructor(private readonly plans: PlanCommands) {}

  @Post(':planId/amendments')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Amend an issued plan (điều chỉnh): a new version with its reason and legal basis' })
  amend(@Req() req: Request, @CurrentActor() actor: Actor, @Param('planId') planId: string, @Body() dto: AmendPlanDto): Promise<PlanView> {
    const { expectedVersion, ...amendment } = dto;
    return this.plans.execute(req, actor, { type: 'AmendPlan', planId, ...amendment, changes: amendment.changes as any }, { reason: dto.reason, expectedVersion });
  }
}
