import { Injectable, Logger } from '@nestjs/common';
import { RecordedEvent } from '@nangsuat/event-sourcing';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { AnomalyFinding, checkArrival } from '../domain/chain-check';
import { AnomalyDocument, isDuplicateKey, LedgerRepository } from './ledger.repository';

export type IngestOutcome = 'stored' | 'duplicate' | 'conflict';

export interface IngestResult {
  readonly outcome: IngestOutcome;
  readonly anomalies: readonly AnomalyFinding[];
}

/**
 * Records one published event in the ledger (idempotent by event id) and re-verifies its stream's
 * hash chain against what the ledger already holds; anomalies are recorded naming the event.
 * An event that conflicts with the ledger's copy (same id or same version, other content) is not
 * stored — the ledger keeps the first copy it received, the anomaly keeps the evidence.
 */
@Injectable()
export class IngestEventHandler {
  private readonly logger = new Logger('AuditLedger');

  constructor(private readonly repository: LedgerRepository) {}

  async ingest(context: string, event: RecordedEvent, source = 'direct'): Promise<IngestResult> {
    assertRecordedEvent(event);
    await this.repository.ensureIndexes();
    for (let attempt = 1; ; attempt++) {
      const [sameId, sameVersion, previous, next] = await Promise.all([
        this.repository.heldById(event.id),
        this.repository.held(event.streamId, event.streamVersion),
        event.streamVersion > 1 ? this.repository.held(event.streamId, event.streamVersion - 1) : Promise.resolve(undefined),
        this.repository.held(event.streamId, event.streamVersion + 1),
      ]);
      const verdict = checkArrival(event, { sameId, sameVersion, previous, next });
      if (verdict.disposition === 'store') {
        try {
          await this.repository.ledger.insertOne({ _id: event.id, context, day: toVietnamDate(event.recordedAt), receivedAt: new Date(), source, event });
        } catch (error) {
          // Another delivery (live consumer and backfill at once) stored this id or version first: classify again.
          if (isDuplicateKey(error) && attempt < 3) continue;
          throw error;
        }
        if (verdict.closesGapOf) await this.resolveGap(verdict.closesGapOf, event);
      }
      await this.record(context, verdict.anomalies, source);
      const outcome: IngestOutcome = verdict.disposition === 'store' ? 'stored' : verdict.disposition;
      return { outcome, anomalies: verdict.anomalies };
    }
  }

  private async record(context: string, anomalies: readonly AnomalyFinding[], source: string): Promise<void> {
    for (const anomaly of anomalies) {
      this.logger.warn(`${anomaly.kind} in ${anomaly.streamId} v${anomaly.streamVersion} (event ${anomaly.eventId}): ${anomaly.detail}`);
      const _id = `${anomaly.kind}:${anomaly.eventId}:${anomaly.actual ?? ''}`;
      const doc: Omit<AnomalyDocument, '_id'> = { ...(JSON.parse(JSON.stringify(anomaly)) as AnomalyFinding), context, detectedAt: new Date(), source, status: 'open' };
      // The same anomaly seen again (a redelivery, a second backfill) is recorded once.
      await this.repository.anomalies.updateOne({ _id }, { $setOnInsert: doc }, { upsert: true }).catch((e) => {
        if (!isDuplicateKey(e)) throw e;
      });
    }
  }

  private async resolveGap(eventId: string, filledBy: RecordedEvent): Promise<void> {
    await this.repository.anomalies.updateMany(
      { kind: 'gap', eventId, status: 'open' },
      { $set: { status: 'resolved', resolvedAt: new Date(), resolution: `version ${filledBy.streamVersion} (event ${filledBy.id}) arrived later and chains correctly` } },
    );
  }
}

function assertRecordedEvent(event: RecordedEvent): void {
  const ok =
    event !== null &&
    typeof event === 'object' &&
    typeof event.id === 'string' &&
    typeof event.streamId === 'string' &&
    typeof event.type === 'string' &&
    Number.isInteger(event.streamVersion) &&
    event.streamVersion >= 1 &&
    Number.isInteger(event.globalPosition) &&
    typeof event.recordedAt === 'string' &&
    !Number.isNaN(Date.parse(event.recordedAt)) &&
    typeof event.hash === 'string' &&
    typeof event.prevHash === 'string';
  if (!ok) throw new TypeError('Not a recorded event: id, type, streamId, streamVersion, globalPosition, recordedAt, prevHash and hash are required');
}
