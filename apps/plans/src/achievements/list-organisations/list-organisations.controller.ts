import { Controller, Get, Param, Query, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentActor } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { escapeRegex, Page, PageQuery, unitSubtree, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { ORGANISATION_LIST } from '../achievement-projections';
import { AchievementCommands } from '../achievement-commands.service';
import { organisationView, OrganisationView } from '../achievement-view';
import { ORGANISATION_KINDS } from '@nangsuat/contracts/plans';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '58', description: 'this unit and everything under it' }) @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS }) @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: string;
  @ApiPropertyOptional({ example: 'benh vien', description: 'name or code, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

/** The registry of organisations is public to signed-in users: names of schools and hospitals are not personal data. */
@ApiTags('achievements')
@ApiBearerAuth()
@Controller('organisations')
export class ListOrganisationsController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly commands: AchievementCommands,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Registered organisations, by unit and kind, searchable without diacritics' })
  async list(@CurrentActor() _actor: Actor, @Query() q: ListOrganisationsQuery): Promise<Page<Record<string, unknown>>> {
    const filter: Record<string, unknown>[] = [];
    if (q.unit) filter.push({ unitCode: { $in: unitSubtree(q.unit) } });
    if (q.kind) filter.push({ kind: q.kind });
    for (const token of searchTokens(q.q ?? '')) filter.push({ searchKey: { $regex: escapeRegex(token) } });
    const collection = this.readModels.collection(ORGANISATION_LIST);
    const where = filter.length ? { $and: filter } : {};
    return readPage(collection, where, q, { projection: { _id: 0, searchKey: 0, appliedEventIds: 0, _stream: 0 }, sort: { name: 1, organisationId: 1 } });
  }

  @Get(':organisationId')
  @ApiOperation({ summary: 'One organisation' })
  async get(@Param('organisationId') organisationId: string): Promise<OrganisationView> {
    const { state, version } = await this.commands.organisation(organisationId);
    return organisationView(state, version);
  }
}
