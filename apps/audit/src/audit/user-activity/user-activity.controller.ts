import { BadRequestException, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { skipOf, USERNAME_PATTERN } from '@nangsuat/service-runtime';
import { AuditorOnly } from '../common/auditor-only';
import { EXPORT_LIMIT, exportResult } from '../common/export';
import { TIMELINE_COLUMNS } from '../common/ledger-events';
import { PeriodQuery, periodOf } from './period.dto';
import { UserActivityHandler } from './user-activity.handler';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The route takes a username; a user id (what tokens carry in `sub`) would silently match nothing. */
export function requireUsername(value: string): void {
  if (USER_ID.test(value)) {
    throw new BadRequestException(
      `"${value}" is a user id; give the username instead (e.g. qn.admin) — timelines show it as who.username next to who.id.`,
    );
  }
  if (!USERNAME_PATTERN.test(value)) throw new BadRequestException('The username may hold only letters, digits, ".", "_", "@" and "-" (e.g. qn.admin).');
}

@Controller('audit/users')
@AuditorOnly()
export class UserActivityController {
  constructor(private readonly handler: UserActivityHandler) {}

  @Get(':username/activity')
  @ApiOperation({ summary: 'Everything one user did (by username), in a period — paginated, or ?format=csv|json' })
  async activity(@Param('username') username: string, @Query() q: PeriodQuery, @Res({ passthrough: true }) res: Response) {
    requireUsername(username);
    const period = periodOf(q);
    if (!q.format) return this.handler.handle(username, period, skipOf(q), q.pageSize);
    const page = await this.handler.handle(username, period, 0, EXPORT_LIMIT);
    return exportResult(res, q.format, `activity-${username}`, { username, from: q.from, to: q.to }, page.items, page.total, TIMELINE_COLUMNS);
  }
}
