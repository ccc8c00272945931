import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { AccessPolicy, CurrentActor } from '@nangsuat/auth';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { formatDate, formatNumber, IsoDate, vietnamYear } from '@nangsuat/vietnamese';
import { candidateUnits, computeProgress, INDICATOR_OF_KIND, IndicatorDefinition, INDICATORS, Target } from '@nangsuat/contracts/plans';
import { ContributionStore } from '../contributions/contribution-store';
import { assertCanReadProgress } from '../progress.service';
import { UnitCode } from '@nangsuat/service-runtime';

/** Indicators the other services' events count. */
export const COUNTED_INDICATORS = [...new Set(Object.values(INDICATOR_OF_KIND).filter((i): i is string => !!i))];

export class UnitProgressQuery {
  @ApiProperty({ example: '51', description: 'the unit; its subtree (and former units merged into it) is counted' })
  @UnitCode() unit: string;
  @ApiProperty({ example: 'trained-person-times', enum: COUNTED_INDICATORS })
  @IsString() indicator: string;
  @ApiPropertyOptional({ example: 2025, description: 'calendar year (Vietnam time); default this year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(2100) year?: number;
}

export interface UnitSummary {
  readonly unit: string;
  readonly unitName: string;
  readonly indicator: string;
  readonly label: { readonly vi: string; readonly en: string };
  readonly year: number;
  readonly window: { readonly from: IsoDate; readonly to: IsoDate; readonly display: string };
  readonly actual: number;
  readonly actualDisplay: string;
  readonly breakdown?: { readonly approved: number; readonly completed: number };
  readonly byUnit: readonly { unit: string; unitName: string; level: string; actual: number }[];
  readonly contributingEventIds: readonly string[];
}

@ApiTags('progress')
@ApiBearerAuth()
@Controller('progress')
export class UnitProgressController {
  constructor(private readonly contributions: ContributionStore, private readonly access: AccessPolicy) {}

  @Get()
  @ApiOperation({ summary: 'What the other services counted for one indicator in one calendar year, for a unit and each unit within it' })
  async summary(@CurrentActor() actor: Actor, @Query() q: UnitProgressQuery): Promise<UnitSummary> {
    if (!seedUnitTree.has(q.unit)) throw new DomainRuleViolation(`Unknown administrative unit "${q.unit}".`, 'unknown-unit');
    if (!COUNTED_INDICATORS.includes(q.indicator)) {
      throw new DomainRuleViolation(`"${q.indicator}" is not counted from events; use one of ${COUNTED_INDICATORS.join(', ')}.`, 'unknown-indicator');
    }
    assertCanReadProgress(this.access, actor, q.unit);
    const year = q.year ?? vietnamYear(new Date());
    const def = (INDICATORS as Record<string, IndicatorDefinition>)[q.indicator];
    const target: Target = { id: q.indicator, indicator: q.indicator, label: { vi: def.vi, en: def.en }, unit: def.unit, milestoneYear: year, comparison: 'at-least', value: 0, source: 'counted' };
    const now = new Date().toISOString();
    const facts = await this.contributions.find({ indicators: [q.indicator], units: candidateUnits(q.unit) });
    const p = computeProgress({ target, plan: { issuingUnit: q.unit, countFrom: `${year}-01-01` }, contributions: facts, asOf: now });
    return {
      unit: q.unit,
      unitName: seedUnitTree.displayName(q.unit),
      indicator: q.indicator,
      label: { vi: def.vi, en: def.en },
      year,
      window: { ...p.window, display: `${formatDate(p.window.from)} – ${formatDate(p.window.to)}` },
      actual: p.actual ?? 0,
      actualDisplay: formatNumber(p.actual ?? 0),
      breakdown: p.breakdown,
      byUnit: p.byUnit.map((u) => ({ unit: u.unit, unitName: seedUnitTree.displayName(u.unit), level: seedUnitTree.levelOf(u.unit), actual: u.actual })),
      contributingEventIds: p.contributingEventIds,
    };
  }
}
