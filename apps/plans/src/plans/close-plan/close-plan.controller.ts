import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Request } from 'express';
import { Actor } from '@nangsuat/event-sourcing';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { CalendarDate } from '@nangsuat/service-runtime';
import { PlanCommands } from '../plan-commands.service';
import { PlanView } from '../plan-view';
import { PLAN_WRITERS } from '../plan-roles';

export class ClosePlanDto {
  @ApiProperty({ example: '31/12/2030' }) @CalendarDate() closedOn: string;
  @ApiProperty({ example: 'Tổng kết thực hiện Kế hoạch giai đoạn 2023–2030' }) @IsString() @MinLength(5) @MaxLength(2000) reason: string;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ClosePlanController {
  constructor(private readonly plans: PlanCommands) {}

  @Post(':planId/close')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Close a plan after its final review; nothing changes afterwards' })
  close(@Req() req: Request, @CurrentActor() actor: Actor, @Param('planId') planId: string, @Body() dto: ClosePlanDto): Promise<PlanView> {
    return this.plans.execute(req, actor, { type: 'ClosePlan', planId, ...dto }, { reason: dto.reason });
  }
}
