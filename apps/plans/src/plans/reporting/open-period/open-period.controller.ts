import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDate, UnitCode, Year } from '@nangsuat/service-runtime';
import type { Request } from 'express';
import { AccessPolicy, CurrentActor, Roles } from '@nangsuat/auth';
import { seedUnitTree, UnitTree } from '@nangsuat/administrative-units';
import type { ReportingLevel, ReportingRules } from '../../domain/plan-content';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { addDays, dayOfYear, formatDate, tryParseDate } from '@nangsuat/vietnamese';
import { reportingPeriodId } from '../../domain/reporting-period';
import { readDayMonth } from '../../plan-content.dto';
import { PlanCommands } from '../../plan-commands.service';
import { PLAN_WRITERS } from '../../plan-roles';
import { ReportingPeriods } from '../reporting-periods.service';
import { ReportingPeriodView, toPeriodView } from '../period-view';

/** Where the plan sets no annual deadline: the report is due by 10 November (DOMAIN: "by 10/11 each year"). */
export const DEFAULT_ANNUAL_DEADLINE = { day: 10, month: 11 } as const;

/**
 * The plan's annual deadline as stored. Plans drafted before the request schema was strict may hold
 * it as the text the API's example showed ("10/11"); read that too, and refuse anything else with a
 * message saying how to mend the plan rather than failing on it.
 */
export function storedDeadline(stored: unknown): { day: number; month: number } {
  if (stored === undefined || stored === null) return DEFAULT_ANNUAL_DEADLINE;
  const { day, month } = readDayMonth(stored) as { day?: unknown; month?: unknown };
  if (Number.isInteger(day) && Number.isInteger(month)) {
    try {
      dayOfYear(2023, month as number, day as number);
      return { day: day as number, month: month as number };
    } catch {
      /* not a day of every year: refused below */
    }
  }
  throw new DomainRuleViolation(
    `The plan's annual report deadline (${JSON.stringify(stored).slice(0, 40)}) is not a day of the year; revise or amend the plan with reporting.annualDeadline such as "10/11".`,
    'invalid-deadline',
  );
}

/**
 * A unit's place in the plan's approval chain: the units that approve its report in turn (its
 * ancestors at the levels above its own in the chain) and its own deadline (levelDeadlines for its
 * level, else the annual deadline). A unit whose level is not in the chain, or a plan without a
 * chain: no approvers (one approval by any unit above) and the annual deadline.
 */
export function chainOf(reporting: ReportingRules | undefined, unit: string, units: UnitTree = seedUnitTree): { approvers: string[]; deadline: { day: number; month: number } } {
  const level = units.levelOf(unit) as ReportingLevel;
  const own = (reporting?.levelDeadlines ?? []).find((d) => d.level === level);
  const deadline = own ? storedDeadline({ day: own.day, month: own.month }) : storedDeadline(reporting?.annualDeadline);
  const chain = reporting?.approvalChain ?? [];
  if (!chain.includes(level)) return { approvers: [], deadline };
  const ancestors = units.ancestors(unit);
  const approvers: string[] = [];
  for (const above of chain.slice(chain.indexOf(level) + 1)) {
    const found = ancestors.find((a) => units.levelOf(a) === above);
    if (!found) throw new DomainRuleViolation(`The plan's approval chain names the ${above} level, but ${unit} has no ${above} above it.`, 'invalid-chain');
    approvers.push(found);
  }
  return { approvers, deadline };
}

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
