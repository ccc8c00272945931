import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDate, UnitCode, Year } from '@nangsuat/service-runtime';
import type { Request } from 'express';
import { AccessPolicy, CurrentActor, Roles } from '@nangsuat/auth';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { addDays, dayOfYear, formatDate, tryParseDate } from '@nangsuat/vietnamese';
import { chainOf, reportingPeriodId } from '@nangsuat/contracts/plans';
import { PlanCommands } from '../../plan-commands';
import { PLAN_WRITERS } from '../../plan-roles';
import { ReportingPeriods } from '../reporting-periods.service';
import { ReportingPeriodView, toPeriodView } from '../period-view';

export class OpenReportingPeriodDto {
  @ApiProperty({ example: '51-NGOKBAY', description: 'the reporting unit: the plan’s unit or a unit within it' })
  @UnitCode() unit: string;
  @ApiProperty({ example: 2025 }) @Year() year: number;
  @ApiPropertyOptional({ example: '19/06/2025', description: 'default: the day after last year’s deadline, or the plan’s issue date if later' })
  @IsOptional() @CalendarDate() periodStart?: string;
}

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('plans')
export class OpenReportingPeriodController {
  constructor(private readonly periods: ReportingPeriods, private readonly plans: PlanCommands, private readonly access: AccessPolicy) {}

  @Post(':planId/reporting-periods')
  @Roles(...PLAN_WRITERS, 'village-officer')
  @ApiOperation({ summary: 'Open the annual reporting period of a unit for a plan and year (due on its level’s deadline, else the plan’s, 10/11 by default; approved by each level of the plan’s approval chain in turn)' })
  async open(@Req() req: Request, @CurrentActor() actor: Actor, @Param('planId') planId: string, @Body() dto: OpenReportingPeriodDto): Promise<ReportingPeriodView> {
    const { state } = await this.plans.load(planId);
    const content = state.content!;
    this.periods.unitKnown(dto.unit);
    this.access.assertCanWrite(actor, dto.unit);
    const problems: string[] = [];
    if (state.status === 'draft' || !content.issueDate) problems.push('the plan is still a draft; issue it first');
    if (!seedUnitTree.isWithin(dto.unit, content.issuingUnit)) problems.push(`${dto.unit} is not within the plan's unit ${content.issuingUnit}`);
    const issueYear = content.issueDate ? Number(content.issueDate.slice(0, 4)) : undefined;
    const lastYear = Math.max(...content.horizonYears);
    if (issueYear !== undefined && (dto.year < issueYear || dto.year > lastYear)) problems.push(`the year must lie between ${issueYear} (issue) and ${lastYear} (horizon), not ${dto.year}`);
    let periodStart: string | undefined;
    if (dto.periodStart) {
      periodStart = tryParseDate(dto.periodStart);
      if (!periodStart) problems.push(`periodStart "${dto.periodStart}" is not a date; write dd/mm/yyyy`);
    }
    if (problems.length) throw new DomainRuleViolation(`The reporting period cannot be opened: ${problems.join('; ')}.`, 'invalid-period', { problems });
    const { approvers, deadline } = chainOf(content.reporting, dto.unit);
    if (!periodStart) {
      const afterLast = addDays(dayOfYear(dto.year - 1, deadline.month, deadline.day), 1);
      periodStart = content.issueDate! > afterLast ? content.issueDate! : afterLast;
    }
    if (periodStart < content.issueDate!) {
      throw new DomainRuleViolation(`The period cannot start (${formatDate(periodStart)}) before the plan was issued (${formatDate(content.issueDate!)}).`, 'invalid-period');
    }
    const periodId = reportingPeriodId(planId, dto.unit, dto.year);
    const loaded = await this.periods.execute(
      req,
      actor,
      { type: 'OpenReportingPeriod', periodId, planId, unit: dto.unit, year: dto.year, deadline, periodStart, ...(approvers.length ? { approvers } : {}) },
      dto.unit,
    );
    return toPeriodView(loaded, await this.periods.figures(loaded.state));
  }
}
