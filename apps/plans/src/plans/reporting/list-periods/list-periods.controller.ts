import { Controller, Get, Query, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AccessPolicy, CurrentActor, platformRoles, Role } from '@nangsuat/auth';
import { seedUnitTree } from '@nangsuat/administrative-units';
import { Actor, DomainRuleViolation, Forbidden } from '@nangsuat/event-sourcing';
import { Page, PageQuery, UnitCode, readPage } from '@nangsuat/service-runtime';
import { candidateUnits } from '@nangsuat/contracts/plans';
import { REPORTING_PERIOD_LIST } from './reporting-period-list.projection';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

export class ListReportingPeriodsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'periods of this unit and the units within it' })
  @IsOptional() @UnitCode() unit?: string;
  @ApiPropertyOptional({ example: 2025 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1990) @Max(2100) year?: number;
  @ApiPropertyOptional({ enum: ['open', 'submitted', 'returned', 'approved'] })
  @IsOptional() @IsIn(['open', 'submitted', 'returned', 'approved']) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/) planId?: string;
}

@ApiTags('reporting')
@ApiBearerAuth()
@Controller('reporting-periods')
export class ListReportingPeriodsController {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore, private readonly access: AccessPolicy) {}

  @Get()
  @ApiOperation({ summary: 'Reporting periods the caller may see (own unit’s subtree; auditors all), by unit, year, status, plan; by due date' })
  async list(@CurrentActor() actor: Actor, @Query() q: ListReportingPeriodsQuery): Promise<Page<Record<string, unknown>>> {
    const roles = platformRoles(actor.roles);
    if (roles.length > 0 && roles.every((r) => r === Role.Enterprise)) throw new Forbidden('Enterprises have no access to reports.');
    const readable = seedUnitTree.all().map((u) => u.code).filter((code) => this.access.canRead(actor, code));
    const filter: Record<string, unknown>[] = [{ unit: { $in: readable } }];
    if (q.unit) {
      if (!seedUnitTree.has(q.unit)) throw new DomainRuleViolation(`Unknown administrative unit "${q.unit}".`, 'unknown-unit');
      filter.push({ unit: { $in: candidateUnits(q.unit) } });
    }
    if (q.year) filter.push({ year: q.year });
    if (q.status) filter.push({ status: q.status });
    if (q.planId) filter.push({ planId: q.planId });
    const where = { $and: filter };
    const collection = this.readModels.collection(REPORTING_PERIOD_LIST);
    return readPage(collection, where, q, { projection: { _id: 0, _stream: 0, _version: 0 }, sort: { dueDate: -1, periodId: 1 } });
  }
}
