import { Body, Controller, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request } from 'express';
import { AccessPolicy, CurrentActor, Roles } from '@nangsuat/auth';
import { Actor, COMMAND_HANDLER, CommandHandlerPort, Conflict, NotFound } from '@nangsuat/event-store';
import { BoundedNumber, commandIdOf, eventMetadata, Text, UnitCode, Year } from '@nangsuat/service-runtime';
import { formatNumber } from '@nangsuat/vietnamese';
import { PlanCommands } from '../../plan-commands';
import { PLAN_WRITERS } from '../../plan-roles';
import { reportedValuesDecider, ReportedValueRecorded, reportedValuesStreamId } from '@nangsuat/contracts/plans';

/** Statistics are percentages and growth rates; no real one comes near a million. */
const MAX_STATISTIC = 1_000_000;

export class RecordReportedValueDto {
  @ApiProperty({ example: 6.8, description: 'in the target’s unit of measure (%/year, %)' }) @BoundedNumber(-MAX_STATISTIC, MAX_STATISTIC) value: number;
  @ApiProperty({ example: 2025, description: 'the year the statistic is about' }) @Year() year: number;
  @ApiProperty({ example: 'Cục Thống kê tỉnh Quảng Ngãi, Niên giám thống kê 2025' }) @Text(500) source: string;
  @ApiPropertyOptional({ example: 5.9, description: 'for “above the national average” targets' }) @IsOptional() @BoundedNumber(-MAX_STATISTIC, MAX_STATISTIC) nationalAverage?: number;
  @ApiPropertyOptional({ example: '51', description: 'the unit the statistic is about; default the plan’s unit' })
  @IsOptional() @UnitCode() unit?: string;
  @ApiPropertyOptional({ example: 'Số liệu chính thức', description: 'why it is entered or corrected (kept in the event metadata)' })
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export interface RecordedReportedValue {
  readonly eventId: string;
  readonly planId: string;
  readonly targetId: string;
  readonly indicator: string;
  readonly unit: string;
  readonly year: number;
  readonly value: number;
  readonly valueDisplay: string;
  readonly nationalAverage?: number;
  readonly source: string;
  readonly reportedAt: string;
  readonly reportedBy: string;
}

@ApiTags('progress')
@ApiBearerAuth()
@Controller('plans')
export class RecordReportedValueController {
  constructor(
    private readonly plans: PlanCommands,
    private readonly access: AccessPolicy,
    @Inject(COMMAND_HANDLER) private readonly handler: CommandHandlerPort,
  ) {}

  @Post(':planId/targets/:targetId/reported-values')
  @Roles(...PLAN_WRITERS)
  @ApiOperation({ summary: 'Enter a statistic for a reported target (labour-productivity growth, TFP share) with its source' })
  async record(
    @Req() req: Request,
    @CurrentActor() actor: Actor,
    @Param('planId') planId: string,
    @Param('targetId') targetId: string,
    @Body() dto: RecordReportedValueDto,
  ): Promise<RecordedReportedValue> {
    const { state } = await this.plans.load(planId);
    const content = state.content!;
    const target = content.targets.find((t) => t.id === targetId);
    if (!target) throw new NotFound(`Plan ${content.documentNumber ?? planId} has no target "${targetId}".`, { planId, targetId });
    const unit = dto.unit ?? content.issuingUnit;
    this.access.assertCanWrite(actor, unit);
    const result = await this.handler.handle(
      reportedValuesStreamId(planId),
      reportedValuesDecider,
      {
        type: 'RecordReportedValue',
        planId,
        planUnit: content.issuingUnit,
        target,
        unit,
        year: dto.year,
        value: dto.value,
        nationalAverage: dto.nationalAverage,
        source: dto.source,
        reportedAt: new Date().toISOString(),
      },
      { metadata: eventMetadata(req, actor, unit, dto.reason ?? `Statistic entered from: ${dto.source}`), commandId: commandIdOf(req) },
    );
    const recorded = result.events[result.events.length - 1];
    if (!recorded) throw new Conflict('This request (Idempotency-Key) was already processed; the figure was recorded then.', 'duplicate-command');
    const d = recorded.data as ReportedValueRecorded['data'];
    return { eventId: recorded.id, ...d, valueDisplay: formatNumber(d.value), reportedBy: actor.username };
  }
}
