import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AccessPolicy, CurrentActor } from '@nangsuat/auth';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import type { Actor } from '@nangsuat/event-sourcing';
import { escapeRegex, Page, PageQuery, unitSubtree, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { assertCanReadProgress } from '../../plans/progress/progress.service';
import { ACHIEVEMENT_LIST } from '../achievement-projections';
import { AchievementCommands } from '../achievement-commands.service';
import { achievementView, AchievementView } from '../achievement-view';
import { achievementStreamId } from '@nangsuat/contracts/plans';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

const STATUSES = ['recorded', 'verified', 'refused', 'withdrawn'] as const;

export class ListAchievementsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '58', description: 'this unit and everything under it; default your unit' }) @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @ApiPropertyOptional({ example: 'schools-5s' }) @IsOptional() @MaxLength(64) @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'indicator must be an indicator code such as schools-5s' }) indicator?: string;
  @ApiPropertyOptional({ enum: STATUSES, description: 'recorded = awaiting verification' }) @IsOptional() @IsIn(STATUSES) status?: string;
  @ApiPropertyOptional({ example: 'truong 5S', description: 'organisation, description or evidence, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

/** Recorded achievements: for the officers of the unit and of the units above it, auditors and services. */
@ApiTags('achievements')
@ApiBearerAuth()
@Controller('achievements')
export class ListAchievementsController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly access: AccessPolicy,
    private readonly commands: AchievementCommands,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Recorded achievements of a unit’s subtree (awaiting verification, verified, refused, withdrawn)' })
  async list(@CurrentActor() actor: Actor, @Query() q: ListAchievementsQuery): Promise<Page<Record<string, unknown>>> {
    const unit = q.unit ?? actor.unit;
    const units = unitSubtree(unit);
    assertCanReadProgress(this.access, actor, unit);
    const filter: Record<string, unknown>[] = [{ unitCode: { $in: units } }];
    if (q.indicator) filter.push({ indicator: q.indicator });
    if (q.status) filter.push({ status: q.status });
    for (const token of searchTokens(q.q ?? '')) filter.push({ searchKey: { $regex: escapeRegex(token) } });
    const collection = this.readModels.collection(ACHIEVEMENT_LIST);
    const where = { $and: filter };
    return readPage(collection, where, q, { projection: { _id: 0, searchKey: 0, appliedEventIds: 0, _stream: 0 }, sort: { achievedOn: -1, achievementId: 1 } });
  }

  @Get(':achievementId')
  @ApiOperation({ summary: 'One achievement with its history (recorded, verified or refused, withdrawn: who, when, why)' })
  async get(@CurrentActor() actor: Actor, @Param('achievementId') id: string): Promise<AchievementView & { history: unknown[] }> {
    const { state, version } = await this.commands.achievement(id);
    assertCanReadProgress(this.access, actor, state.facts!.unitCode);
    const history = (await this.store.readStream(achievementStreamId(id))).map((e) => ({
      type: e.type,
      streamVersion: e.streamVersion,
      recordedAt: e.recordedAt,
      by: e.metadata.actor.username,
      unit: e.metadata.actor.unit,
      ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    }));
    return { ...achievementView(state, version), history };
  }
}
