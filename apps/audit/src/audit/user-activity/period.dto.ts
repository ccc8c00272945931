import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { isIsoDate, startOfVietnamDay } from '@nangsuat/vietnamese';
import { AuditQuery } from '../common/export';
import { asOfInstant } from '../domain/timeline';
import { Period } from './user-activity.query';

/** ?from=&to= : dates (YYYY-MM-DD, whole Vietnam days) or ISO timestamps, both inclusive. */
export class PeriodQuery extends AuditQuery {
  @ApiPropertyOptional({ description: 'From this date (start of the Vietnam day) or timestamp' })
  @IsOptional() @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'To this date (end of the Vietnam day) or timestamp' })
  @IsOptional() @IsString()
  to?: string;
}

export function periodOf(q: { from?: string; to?: string }): Period {
  try {
    const from = q.from === undefined ? undefined : isIsoDate(q.from) ? startOfVietnamDay(q.from).toISOString() : asOfInstant(q.from);
    const to = q.to === undefined ? undefined : asOfInstant(q.to);
    if (from && to && from > to) throw new RangeError(`"from" (${q.from}) is after "to" (${q.to})`);
    return { from, to };
  } catch (error) {
    throw new DomainRuleViolation((error as Error).message, 'invalid-period', { from: q.from, to: q.to });
  }
}
