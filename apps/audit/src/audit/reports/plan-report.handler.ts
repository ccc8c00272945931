import { Injectable } from '@nestjs/common';
import { PLAN_STREAM_PREFIX, planStreamId } from '@nangsuat/contracts/plans';
import { Actor, NotFound } from '@nangsuat/event-sourcing';
import { eventOf } from '../common/ledger-events';
import { UnitScope } from '../common/unit-scope';
import { COUNTED_INDICATORS, countTrail } from '../domain/count-trail';
import { DeciderRegistry } from '../domain/decider-registry';
import { jsonDiff } from '../domain/diff';
import { sealReport } from '../domain/report-hash';
import { replayState, toTimelineEntry } from '../domain/timeline';
import { LedgerRepository } from '../ledger/ledger.repository';
import { Period } from '../user-activity/user-activity.handler';

// /2: metrics keyed by the plans indicators and counted by the plans progress rules (was: the audit's own rules).
export const REPORT_FORMAT = 'nangsuat-audit-report/2';

/**
 * The audit report of a plan for a period: the plan as it stood at the start and at the end (replayed
 * through the plans decider), what changed and who changed it and why, every counted metric of the
 * plan's unit subtree with the events that moved it in the period, and the anomalies the ledger
 * recorded on the plan. Sealed with a SHA-256 over its canonical JSON (see report-hash.ts).
 */
@Injectable()
export class PlanReportHandler {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly registry: DeciderRegistry,
    private readonly scope: UnitScope,
  ) {}

  async handle(planId: string, period: Required<Period> & { fromLabel: string; toLabel: string }, actor?: Actor) {
    const streamId = planId.startsWith(PLAN_STREAM_PREFIX) ? planId : planStreamId(planId);
    const docs = await this.repository.stream(streamId);
    if (docs.length === 0) throw new NotFound(`The ledger holds no events of plan "${streamId}".`, { streamId });
    const events = docs.map(eventOf);
    const kind = this.registry.find(streamId, docs[0].context);
    const beforeStart = new Date(Date.parse(period.from) - 1).toISOString();
    const atStart = kind ? replayState(kind.decider, streamId, events, { time: beforeStart }) : undefined;
    const atEnd = kind ? replayState(kind.decider, streamId, events, { time: period.to }) : undefined;
    const within = (iso: string) => iso >= period.from && iso <= period.to;
    const content = (atEnd?.state as { content?: { documentNumber?: string; issuingUnit?: string; title?: string } } | undefined)?.content;
    const unit = content?.issuingUnit ?? docs[0].event.metadata?.unit;

    const metrics = [];
    if (unit) {
      const units = new Set(this.scope.codesWithin(unit));
      for (const counted of COUNTED_INDICATORS) {
        const docs = await this.repository.ledger
          .find({ $or: counted.sources.map((s) => ({ context: s.service, 'event.type': { $in: [...s.types] } })), 'event.recordedAt': { $lte: period.to } })
          .sort({ 'event.globalPosition': 1 })
          .toArray();
        const inScope = (u: string) => units.has(u);
        const all = docs.map(eventOf);
        const { steps, count } = countTrail(counted.indicator, all, inScope, { evaluatedAt: Math.min(Date.parse(period.to), Date.now()) });
        const atStart = countTrail(counted.indicator, all.filter((e) => e.recordedAt < period.from), inScope, { evaluatedAt: Math.min(Date.parse(period.from) - 1, Date.now()) });
        metrics.push({
          metric: counted.indicator,
          description: counted.description,
          unit,
          countAtStart: atStart.count,
          countAtEnd: count,
          steps: steps.filter((s) => within(s.recordedAt)),
        });
      }
    }
    const anomalies = (await this.repository.anomalies.find({ streamId }).sort({ streamVersion: 1 }).toArray()).map(({ _id, detectedAt, resolvedAt, ...a }) => ({
      ...a,
      detectedAt: detectedAt.toISOString(),
      ...(resolvedAt ? { resolvedAt: resolvedAt.toISOString() } : {}),
    }));

    return sealReport({
      format: REPORT_FORMAT,
      generatedAt: new Date().toISOString(),
      generatedBy: actor ? { username: actor.username, unit: actor.unit } : undefined,
      plan: { streamId, planId: streamId.slice(PLAN_STREAM_PREFIX.length), documentNumber: content?.documentNumber, title: content?.title, unit },
      period: { from: period.fromLabel, to: period.toLabel, fromInstant: period.from, toInstant: period.to, timeZone: 'Asia/Ho_Chi_Minh' },
      stateAtStart: atStart && { version: atStart.version, state: atStart.state },
      stateAtEnd: atEnd && { version: atEnd.version, state: atEnd.state },
      changes: atStart && atEnd ? jsonDiff(atStart.state, atEnd.state) : [],
      events: events.filter((e) => within(e.recordedAt)).map((e) => toTimelineEntry(docs[0].context, e)),
      metrics,
      anomalies,
    });
  }
}
