import { Injectable } from '@nestjs/common';
import { EventStorePort, NotFound, StreamVerification, verifyChain } from '@nangsuat/event-store';
import { eventOf } from '../common/ledger-events';
import { reconcileStream, StreamDifference } from '../domain/reconcile';
import { AnomalyDocument, LedgerRepository } from '../ledger/ledger.repository';

export interface StreamIntegrity {
  readonly streamId: string;
  /** The ledger's copy re-verified now with the shared hashing code (names the first broken event). */
  readonly ledgerChain: StreamVerification;
  /** What the ledger flagged when the events arrived. */
  readonly anomalies: Omit<AnomalyDocument, '_id'>[];
  readonly ok: boolean;
}

@Injectable()
export class VerifyStreamHandler {
  constructor(private readonly repository: LedgerRepository) {}

  async handle(streamId: string): Promise<StreamIntegrity> {
    const docs = await this.repository.stream(streamId);
    if (docs.length === 0) throw new NotFound(`The ledger holds no events of "${streamId}".`, { streamId });
    const ledgerChain = verifyChain(streamId, docs.map(eventOf));
    const anomalies = (await this.repository.anomalies.find({ streamId, status: 'open' }).sort({ streamVersion: 1 }).toArray()).map(({ _id, ...a }) => a);
    return { streamId, ledgerChain, anomalies, ok: ledgerChain.ok && anomalies.length === 0 };
  }

  /**
   * Compares a service's store (through its EventStorePort: a MongoEventStore over the service's
   * database in tools and tests, or an HTTP adapter) with the ledger and names what differs.
   * The audit service itself never opens another service's database.
   */
  async reconcile(streamId: string, source: EventStorePort): Promise<{ streamId: string; sourceChain: StreamVerification; differences: StreamDifference[] }> {
    const docs = await this.repository.stream(streamId);
    const [sourceChain, sourceEvents] = await Promise.all([source.verifyStream(streamId), source.readStream(streamId)]);
    return { streamId, sourceChain, differences: reconcileStream(docs.map(eventOf), sourceEvents) };
  }
}
