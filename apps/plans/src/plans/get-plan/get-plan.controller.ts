import { BadRequestException, Controller, Get, Inject, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarDate, INSTANT_FORMS, parseInstantInput } from '@nangsuat/service-runtime';
import { AccessPolicy, CurrentActor } from '@nangsuat/auth';
import { Actor, EVENT_STORE, EventStorePort, fold, NotFound } from '@nangsuat/event-store';
import { formatDate, formatDateTime } from '@nangsuat/vietnamese';
import { planDecider, PlanEvent, PlanState, planStreamId, PlanVersion, planVersionAt } from '@nangsuat/contracts/plans';
import { PlanView, toPlanView } from '../plan-view';

/**
 * The two times a plan can be read at (docs/api/dates.md): as the platform had recorded it, and the
 * version in force on a day. One meaning per parameter.
 */
export class AsOfQuery {
  @ApiPropertyOptional({
    example: '31/12/2024',
    description: `As recorded: the plan as the platform had recorded it by the end of this day, or by this timestamp — ${INSTANT_FORMS}. A plan issued earlier but entered later did not exist yet.`,
  })
  @IsOptional() @IsString() @MaxLength(40) asOf?: string;

  @ApiPropertyOptional({ example: '31/12/2024', description: 'As in force: the issued version that applied on this day (by effective dates), whenever it was entered' })
  @IsOptional() @CalendarDate() inForceOn?: string;
}

export interface PlanHistoryEntry {
  readonly eventId: string;
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
    private readonly access: AccessPolicy,
  ) {}

  /** Drafts are for those who may read the issuing unit; issued plans are public documents. */
  private async read(actor: Actor, planId: string, asOfTime?: string): Promise<{ state: PlanState; version: number; events: PlanEvent[] }> {
    const recorded = await this.store.readStream(planStreamId(planId), asOfTime ? { asOfTime } : {});
    if (recorded.length === 0 && asOfTime && (await this.store.readStream(planStreamId(planId))).length > 0) {
      throw new NotFound(
        `Plan ${planId} had not been recorded on the platform by ${formatDateTime(asOfTime)}: asOf reads the record as it stood then. For the version in force on a day, whenever it was entered, use inForceOn.`,
        { planId },
      );
    }
    if (recorded.length === 0) throw new NotFound(`Plan ${planId} does not exist.`, { planId });
    const events = recorded as unknown as PlanEvent[];
    const state = fold(planDecider, events);
    if (state.status === 'draft') this.access.assertCanRead(actor, state.content!.issuingUnit);
    return { state, version: recorded[recorded.length - 1].streamVersion, events };
  }

  @Get(':planId')
  @ApiOperation({ summary: 'A plan with all its issued versions; ?asOf= as the platform had recorded it then, ?inForceOn= the version in force that day' })
  async get(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Query() query: AsOfQuery): Promise<PlanView> {
    if (query.asOf && query.inForceOn) throw new BadRequestException('Give asOf (as recorded) or inForceOn (as in force), not both.');
    const asOfTime = query.asOf ? parseInstantInput(query.asOf, 'asOf').instant : undefined;
    const { state, version } = await this.read(actor, planId, asOfTime);
    if (!query.inForceOn) return toPlanView(state, version);
    const inForce = planVersionAt(state, query.inForceOn);
    if (!inForce) {
      throw new NotFound(
        state.versions.length === 0
          ? `Plan ${planId} has not been issued, so no version of it was in force on ${formatDate(query.inForceOn)}.`
          : `No version of plan ${planId} was in force on ${formatDate(query.inForceOn)}: the first applies from ${formatDate(state.versions[0].effectiveDate)}.`,
        { planId },
      );
    }
    return { ...toPlanView(state, version), version: inForce.version, content: inForce.content };
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
      eventId: e.id,
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
