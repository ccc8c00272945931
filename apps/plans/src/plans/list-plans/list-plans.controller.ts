import { Controller, Get, Query, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { AccessPolicy, CurrentActor } from '@nangsuat/auth';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { escapeRegex, Page, PageQuery, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { PLAN_LIST, PLAN_LIST_SHAPE } from './plan-list.projection';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

export class ListPlansQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'issuing unit and everything under it (including merged former units)' })
  @IsOptional() @IsString() @MaxLength(64) unit?: string;
  @ApiPropertyOptional({ enum: ['draft', 'issued', 'amended', 'closed'] })
  @IsOptional() @IsIn(['draft', 'issued', 'amended', 'closed']) status?: string;
  @ApiPropertyOptional({ example: 2030, description: 'plans with this milestone year' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: 'Ngok Bay', description: 'words of the title, number or unit; diacritics ignored' })
  @IsOptional() @IsString() @MaxLength(200) q?: string;
}

/** Units whose plans a person may see as drafts: those they may read. */
function unitsReadableBy(actor: Actor, access: AccessPolicy): string[] {
  return seedUnitTree.all().map((u) => u.code).filter((code) => access.canRead(actor, code));
}

export function unitSubtree(code: string): string[] {
  if (!seedUnitTree.has(code)) throw new DomainRuleViolation(`Unknown administrative unit "${code}".`, 'unknown-unit');
  return seedUnitTree.all().map((u) => u.code).filter((c) => seedUnitTree.isWithin(c, code));
}

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class ListPlansController {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore, private readonly access: AccessPolicy) {}

  @Get()
  @ApiOperation({ summary: 'Plans, newest first: issued plans for everyone signed in, drafts for those who may read their unit' })
  async list(@CurrentActor() actor: Actor, @Query() query: ListPlansQuery): Promise<Page<Record<string, unknown>>> {
    const filter: Record<string, unknown>[] = [
      { $or: [{ status: { $ne: 'draft' } }, { issuingUnit: { $in: unitsReadableBy(actor, this.access) } }] },
    ];
    if (query.unit) filter.push({ issuingUnit: { $in: unitSubtree(query.unit) } });
    if (query.status) filter.push({ status: query.status });
    if (query.year) filter.push({ horizonYears: query.year });
    for (const token of searchTokens(query.q ?? '')) filter.push({ searchKey: { $regex: escapeRegex(token) } });
    const collection = this.readModels.collection(PLAN_LIST, PLAN_LIST_SHAPE);
    const where = { $and: filter };
    return readPage(collection, where, query, { projection: { _id: 0, searchKey: 0, appliedEventIds: 0, _stream: 0 }, sort: { issueDate: -1, planId: 1 } });
  }
}
