import { Injectable } from '@nestjs/common';
import { AdministrativeUnit, LineageEvent, seedDataset, administrativeUnits } from '@nangsuat/administrative-units';
import { DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { matchesSearch, tryParseDate } from '@nangsuat/vietnamese';
import { UnitsQuery } from './units.query';

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
@Injectable()
export class UnitsHandler {
  list(query: UnitsQuery): AdministrativeUnit[] {
    const at = query.at ? tryParseDate(query.at) : undefined;
    if (query.at && !at) throw new DomainRuleViolation(`"${query.at}" is not a date; write dd/mm/yyyy or yyyy-mm-dd.`, 'bad-date');
    if (query.within && !administrativeUnits.has(query.within)) throw new NotFound(`No administrative unit with code "${query.within}".`);
    return administrativeUnits
      .all()
      .filter((u) => !query.within || administrativeUnits.isWithin(u.code, query.within))
      .filter((u) => !at || administrativeUnits.isValidAt(u.code, at))
      .filter((u) => !query.q || matchesSearch(`${u.name} ${(u.formerNames ?? []).map((f) => f.name).join(' ')}`, query.q));
  }

  get(code: string) {
    const unit = administrativeUnits.find(code);
    if (!unit) throw new NotFound(`No administrative unit with code "${code}".`);
    return {
      ...unit,
      ancestors: administrativeUnits.ancestors(code),
      children: administrativeUnits.children(code).map((c) => c.code),
      lineage: seedDataset.lineage.filter((e) => unitsOf(e).includes(code)),
    };
  }
}
