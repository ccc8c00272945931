import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AdministrativeUnit, LineageEvent, seedDataset, seedUnitTree } from '@nangsuat/administrative-units';
import { DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { matchesSearch, tryParseDate } from '@nangsuat/vietnamese';

export class UnitsQuery {
  @ApiPropertyOptional({ example: 'Ngok Bay', description: 'name, diacritics ignored' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ example: '51', description: 'only this unit and those under it' }) @IsOptional() @IsString() @MaxLength(64) within?: string;
  @ApiPropertyOptional({ example: '01/07/2025', description: 'only units in force on this day' }) @IsOptional() @IsString() at?: string;
}

/** The units a lineage event speaks of. */
function unitsOf(event: LineageEvent): string[] {
  switch (event.kind) {
    case 'merged':
      return [...event.from, event.into];
    case 'split':
      return [event.from, ...event.into];
    case 'renamed':
    case 'abolished':
      return [event.unit];
    case 'reassigned':
      return [event.unit, event.fromParent, event.toParent];
  }
}

/**
 * Administrative units (province → district (historical) → commune → village) with their validity
 * and lineage: merges, splits and renames with legal basis and effective date (2025 reform).
 */
@ApiTags('administrative units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  @Get()
  @ApiOperation({ summary: 'Administrative units, searchable without diacritics' })
  list(@Query() query: UnitsQuery): AdministrativeUnit[] {
    const at = query.at ? tryParseDate(query.at) : undefined;
    if (query.at && !at) throw new DomainRuleViolation(`"${query.at}" is not a date; write dd/mm/yyyy or yyyy-mm-dd.`, 'bad-date');
    if (query.within && !seedUnitTree.has(query.within)) throw new NotFound(`No administrative unit with code "${query.within}".`);
    return seedUnitTree
      .all()
      .filter((u) => !query.within || seedUnitTree.isWithin(u.code, query.within))
      .filter((u) => !at || seedUnitTree.isValidAt(u.code, at))
      .filter((u) => !query.q || matchesSearch(`${u.name} ${(u.formerNames ?? []).map((f) => f.name).join(' ')}`, query.q));
  }

  @Get(':code')
  @ApiOperation({ summary: 'A unit, its ancestors, children and the lineage events that concern it' })
  get(@Param('code') code: string) {
    const unit = seedUnitTree.find(code);
    if (!unit) throw new NotFound(`No administrative unit with code "${code}".`);
    return {
      ...unit,
      ancestors: seedUnitTree.ancestors(code),
      children: seedUnitTree.children(code).map((c) => c.code),
      lineage: seedDataset.lineage.filter((e) => unitsOf(e).includes(code)),
    };
  }
}
