import { Body, Controller, ForbiddenException, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request } from 'express';
import { AccessPolicy, CurrentActor, Roles } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { PLAN_WRITERS } from '../../plan-roles';
import { ReportingPeriods } from '../reporting-periods.service';
import { ReportingPeriodView, toPeriodView } from '../period-view';

export class SubmitReportDto {
  @ApiPropertyOptional({ example: 'Năm 2025 xã đã tổ chức 02 lớp tập huấn 5S…' })
  @IsOptional() @IsString() @MaxLength(10_000) summary?: string;
}

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class SubmitReportController {
  constructor(private readonly periods: ReportingPeriods, private readonly access: AccessPolicy) {}

  @Post(':periodId/submit')
  @HttpCode(200)
  @Roles(...PLAN_WRITERS, 'village-officer')
  @ApiOperation({ summary: 'Generate the report from the progress projection and submit it upward; its figures are frozen in the event and the period is locked' })
  async submit(@Req() req: Request, @CurrentActor() actor: Actor, @Param('periodId') periodId: string, @Body() dto: SubmitReportDto): Promise<ReportingPeriodView> {
    const { state } = await this.periods.load(periodId);
    this.access.assertCanWrite(actor, state.unit!);
    // Reporting is the unit's own act: units above review it, they do not submit in its place.
    if (actor.unit !== state.unit) {
      throw new ForbiddenException(
        `The report of ${state.unit} is submitted by ${state.unit}'s own officers, not by ${actor.unit}; units above review it once submitted (approve or return).`,
      );
    }
    // The lock takes effect at submittedAt: facts recorded after it are late, whatever the projection has seen.
    const submittedAt = new Date().toISOString();
    const { figures } = await this.periods.figures({ ...state, status: 'submitted', lockedAt: submittedAt }, submittedAt);
    const loaded = await this.periods.execute(
      req,
      actor,
      { type: 'SubmitReport', periodId, by: { userId: actor.id, unit: actor.unit }, submittedAt, figures, summary: dto.summary },
      state.unit!,
    );
    return toPeriodView(loaded, await this.periods.figures(loaded.state));
  }
}
