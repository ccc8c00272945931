import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IdList } from '@nangsuat/service-runtime';
import type { Request } from 'express';
import { AccessPolicy, CurrentActor, Roles } from '@nangsuat/auth';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { ReportingPeriods } from '../reporting-periods.service';
import { ReportingPeriodView, toPeriodView } from '../period-view';

export class LateExceptionDto {
  @ApiProperty({ example: ['0f5c…'], description: 'ids of the late events (GET /reporting-periods/:id → current.lateEventIds)' })
  @IdList(1000, 1) eventIds: string[];
  @ApiProperty({ example: 'Lớp tập huấn kết thúc 09/11 nhưng danh sách gửi chậm do mất điện.' })
  @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class LateExceptionController {
  constructor(private readonly periods: ReportingPeriods, private readonly access: AccessPolicy) {}

  @Post(':periodId/late-exception')
  @Roles('province-admin')
  @ApiOperation({ summary: 'The province lets late events count in this (locked) period instead of the next' })
  async grant(@Req() req: Request, @CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Body() dto: LateExceptionDto): Promise<ReportingPeriodView> {
    const { state } = await this.periods.load(periodId);
    this.access.assertCanWrite(actor, state.unit!);
    if (state.status === 'submitted' || state.status === 'returned') {
      const { lateEventIds } = await this.periods.figures(state.status === 'returned' ? { ...state, lockedAt: state.submissions[state.submissions.length - 1]?.submittedAt } : state);
      const unknown = dto.eventIds.filter((id) => !lateEventIds.includes(id) && !state.exceptionEventIds.includes(id));
      if (unknown.length) {
        throw new DomainRuleViolation(`Not late facts of this period (they happened outside it, were recorded before the lock, or do not count for the plan): ${unknown.join(', ')}.`, 'not-late', { eventIds: unknown });
      }
    }
    const loaded = await this.periods.execute(
      req,
      actor,
      { type: 'GrantLateEventException', periodId, by: { userId: actor.id, unit: actor.unit }, grantedAt: new Date().toISOString(), reason: dto.reason, eventIds: dto.eventIds },
      state.unit!,
      dto.reason,
    );
    return toPeriodView(loaded, await this.periods.figures(loaded.state));
  }
}
