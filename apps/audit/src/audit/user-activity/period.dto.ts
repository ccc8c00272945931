import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { INSTANT_FORMS, parseInstantInput } from '@nangsuat/service-runtime';
import { AuditQuery } from '../common/export';
import { Period } from './user-activity.handler';

/** ?from=&to= : dates (dd/mm/yyyy or yyyy-mm-dd, whole Vietnam days) or ISO timestamps, both inclusive. */
export class PeriodQuery extends AuditQuery {
  @ApiPropertyOptional({ description: `From the start of this day, or this timestamp: ${INSTANT_FORMS}` })
  @IsOptional() @IsString() @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: `To the end of this day, or this timestamp: ${INSTANT_FORMS}` })
  @IsOptional() @IsString() @MaxLength(40)
  to?: string;
}

/** from: the start of its day (or the timestamp); to: the end of its day (or the timestamp). Malformed: 400; from after to: 422. */
export function periodOf(q: { from?: string; to?: string }): Period {
  const from = q.from === undefined ? undefined : parseInstantInput(q.from, 'from', 'start').instant;
  const to = q.to === undefined ? undefined : parseInstantInput(q.to, 'to', 'end').instant;
  if (from && to && from > to) throw new DomainRuleViolation(`"from" (${q.from}) is after "to" (${q.to}).`, 'invalid-period', { from: q.from, to: q.to });
  return { from, to };
}
