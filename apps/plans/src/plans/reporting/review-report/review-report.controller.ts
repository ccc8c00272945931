import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Request } from 'express';
import { AccessPolicy, CurrentActor, Roles } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { PLAN_WRITERS } from '../../plan-roles';
import { ReportingPeriods } from '../reporting-periods.service';
import { ReportingPeriodView, toPeriodView } from '../period-view';

export class ReturnReportDto {
  @ApiProperty({ example: 'Thiếu số liệu lớp tập huấn tháng 10; đề nghị bổ sung.' })
  @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}

/** The unit above the reporting unit (the province for a commune) approves or returns a submitted report. */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class ReviewReportController {
  constructor(private readonly periods: ReportingPeriods, private readonly access: AccessPolicy) {}

  @Post(':periodId/approve')
  @HttpCode(200)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Approve a submitted report (a unit above the reporting unit)' })
  async approve(@Req() req: Request, @CurrentActor() actor: Actor, @Param('periodId') periodId: string): Promise<ReportingPeriodView> {
    const { state } = await this.periods.load(periodId);
    this.access.assertCanWrite(actor, state.unit!);
    const loaded = await this.periods.execute(req, actor, { type: 'ApproveReport', periodId, by: { userId: actor.id, unit: actor.unit }, approvedAt: new Date().toISOString() }, state.unit!);
    return toPeriodView(loaded, await this.periods.figures(loaded.state));
  }

  @Post(':periodId/return')
  @HttpCode(200)
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Return a submitted report with the reason (unlocks the period for correction and resubmission)' })
  async return(@Req() req: Request, @CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Body() dto: ReturnReportDto): Promise<ReportingPeriodView> {
    const { state } = await this.periods.load(periodId);
    this.access.assertCanWrite(actor, state.unit!);
    const loaded = await this.periods.execute(
      req,
      actor,
      { type: 'ReturnReport', periodId, by: { userId: actor.id, unit: actor.unit }, returnedAt: new Date().toISOString(), reason: dto.reason },
      state.unit!,
      dto.reason,
    );
    return toPeriodView(loaded, await this.periods.figures(loaded.state));
  }
}
