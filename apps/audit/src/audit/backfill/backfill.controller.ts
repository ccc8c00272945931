import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '@nangsuat/auth';
import { DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { AUDITED_CONTEXTS, isAuditedContext } from '../common/contexts';
import { BackfillService } from './backfill.service';
import { BackfillRunsQuery } from './backfill-runs.query';

/**
 * Backfill is an operation, not an audit query: auditors cannot POST (read-only everywhere), so it
 * is started by a province administrator. It only adds to the ledger what Kafka holds and flags
 * what differs; it never changes or removes a ledger entry.
 */
@Controller('audit/backfill')
@ApiTags('operations')
@ApiBearerAuth()
export class BackfillController {
  constructor(private readonly backfill: BackfillService) {}

  @Post(':context')
  @HttpCode(202)
  @Roles(Role.ProvinceAdmin)
  @ApiOperation({ summary: "Re-read a context's Kafka topic from offset 0 with a fresh consumer group into the ledger (runs in the background)" })
  async start(@Param('context') context: string) {
    if (!isAuditedContext(context)) throw new DomainRuleViolation(`Unknown context "${context}"; one of ${AUDITED_CONTEXTS.join(', ')}.`, 'unknown-context');
    const run = await this.backfill.start(context);
    return { id: run._id, context: run.context, topic: run.topic, status: run.status, startedAt: run.startedAt };
  }

  @Get('runs')
  @Roles(Role.ProvinceAdmin, Role.Auditor)
  @ApiOperation({ summary: 'Backfill runs, newest first: context, status, what each added, found already there and flagged' })
  async runs(@Query() q: BackfillRunsQuery) {
    const page = await this.backfill.list(q);
    return { ...page, items: page.items.map(({ _id, ...rest }) => ({ id: _id, ...rest })) };
  }

  @Get('runs/:id')
  @Roles(Role.ProvinceAdmin, Role.Auditor)
  @ApiOperation({ summary: 'Progress and outcome of a backfill run' })
  async run(@Param('id') id: string) {
    const run = await this.backfill.find(id);
    if (!run) throw new NotFound(`No backfill run ${id}.`, { id });
    const { _id, ...rest } = run;
    return { id: _id, ...rest };
  }
}
