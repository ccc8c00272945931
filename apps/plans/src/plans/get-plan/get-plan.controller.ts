import { Controller, Get, Inject, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { AccessPolicy, CurrentActor } from '@nangsuat/auth';
import { Actor, DomainRuleViolation, EVENT_STORE, EventStorePort, fold, NotFound } from '@nangsuat/event-store';
import { endOfVietnamDay, formatDate, formatDateTime, tryParseDate } from '@nangsuat/vietnamese';
import { PlanEvent, PlanState, planStreamId, PlanVersion } from '../domain/plan';
import { PlanCommands } from '../plan-commands.service';
import { PlanView, toPlanView } from '../plan-view';

export class AsOfQuery {
  @ApiPropertyOptional({ example: '31/12/2024', description: 'the plan as it stood at the end of this day (Asia/Ho_Chi_Minh)' })
  @IsOptional() @IsString() asOf?: string;
}

export interface PlanHistoryEntry {
  readonly streamVersion: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly recordedAtDisplay: string;
  readonly actor: { readonly id: string; readonly username: string; readonly unit: string };
  readonly reason?: string;
  readonly data: unknown;
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class GetPlanController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly plans: PlanCommands,
    private readonly access: AccessPolicy,
  ) {}

  /** Drafts are for those who may read the issuing unit; issued plans are public documents. */
  private async read(actor: Actor, planId: string, asOfTime?: string): Promise<{ state: PlanState; version: number; events: PlanEvent[] }> {
    const recorded = await this.store.readStream(planStreamId(planId), asOfTime ? { asOfTime } : {});
    if (recorded.length === 0) throw new NotFound(asOfTime ? `Plan ${planId} did not exist on ${formatDate(asOfTime)}.` : `Plan ${planId} does not exist.`, { planId });
    const events = recorded as unknown as PlanEvent[];
    const state = fold(this.plans.decider, events);
    if (state.status === 'draft') this.access.assertCanRead(actor, state.content!.issuingUnit);
    return { state, version: recorded[recorded.length - 1].streamVersion, events };
  }

  @Get(':planId')
  @ApiOperation({ summary: 'A plan with all its issued versions; ?asOf=dd/mm/yyyy shows it as it stood on that day' })
  async get(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Query() query: AsOfQuery): Promise<PlanView> {
    let asOfTime: string | undefined;
    if (query.asOf) {
      const day = tryParseDate(query.asOf);
      if (!day) throw new DomainRuleViolation(`asOf "${query.asOf}" is not a date; write dd/mm/yyyy or yyyy-mm-dd.`, 'bad-date');
      asOfTime = endOfVietnamDay(day).toISOString();
    }
    const { state, version } = await this.read(actor, planId, asOfTime);
    return toPlanView(state, version);
  }

  @Get(':planId/versions/:version')
  @ApiOperation({ summary: 'One issued version of a plan: its content, and the reason and legal basis of the amendment' })
  async version(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Param('version', ParseIntPipe) version: number): Promise<PlanVersion> {
    const { state } = await this.read(actor, planId);
    const found = state.versions.find((v) => v.version === version);
    if (!found) throw new NotFound(`Plan ${planId} has no version ${version}; it has ${state.versions.length} issued version(s).`);
    return found;
  }

  @Get(':planId/history')
  @ApiOperation({ summary: 'Every change to the plan: what, when, who, for which unit and why' })
  async history(@CurrentActor() actor: Actor, @Param('planId') planId: string): Promise<PlanHistoryEntry[]> {
    await this.read(actor, planId);
    const recorded = await this.store.readStream(planStreamId(planId));
    return recorded.map((e) => ({
      streamVersion: e.streamVersion,
      type: e.type,
      recordedAt: e.recordedAt,
      recordedAtDisplay: formatDateTime(e.recordedAt),
      actor: { id: e.metadata.actor.id, username: e.metadata.actor.username, unit: e.metadata.actor.unit },
      reason: e.metadata.reason,
      data: e.data,
    }));
  }
}
