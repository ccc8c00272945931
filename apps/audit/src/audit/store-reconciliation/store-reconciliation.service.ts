import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { metrics } from '@opentelemetry/api';
import { NotFound, RecordedEvent } from '@nangsuat/event-sourcing';
import { EventStore, openEventStoreByUrl, toRecordedEvents } from '@nangsuat/event-store';
import { AUDITED_CONTEXTS, AuditedContext, isAuditedContext } from '../common/contexts';
import { AnomalyFinding } from '../domain/chain-check';
import { compareCopies, notInLedger, removedFromStore } from '../domain/store-reconciliation';
import { AnomalyDocument, isDuplicateKey, LedgerRepository } from '../ledger/ledger.repository';

/** Where the services' own stores are, and how often they are reconciled with the ledger. */
export interface StoreReconciliationOptions {
  /** EVENT_STORE_URL of the services (PostgreSQL or MongoDB); unset: reconciliation only on a given store. */
  readonly storeUrl?: string;
  /** Database (MongoDB) or schema (PostgreSQL) of each context; default `nangsuat_<context>`. */
  readonly names: Partial<Record<AuditedContext, string>>;
  /** Every context is reconciled this often (0: only on request). */
  readonly intervalMs: number;
  /** Events recorded more recently than this may still be on their way to the ledger. */
  readonly graceMs: number;
}

export const STORE_RECONCILIATION_OPTIONS = Symbol('STORE_RECONCILIATION_OPTIONS');

/** AUDIT_SOURCE_STORE_URL (or EVENT_STORE_URL), AUDIT_SOURCE_NAMES=plans=nangsuat_plans,…, AUDIT_RECONCILE_INTERVAL_MS (default 60 s). */
export function reconciliationOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreReconciliationOptions {
  const names: Partial<Record<AuditedContext, string>> = {};
  for (const pair of (env.AUDIT_SOURCE_NAMES ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [context, name] = pair.split('=');
    if (isAuditedContext(context) && name) names[context] = name;
  }
  return {
    storeUrl: env.AUDIT_SOURCE_STORE_URL ?? env.EVENT_STORE_URL,
    names,
    intervalMs: Number(env.AUDIT_RECONCILE_INTERVAL_MS ?? 60_000),
    graceMs: Number(env.AUDIT_RECONCILE_GRACE_MS ?? 120_000),
  };
}

export interface ReconciliationReport {
  readonly context: string;
  readonly checkedAt: string;
  /** Events compared (the service's store side). */
  readonly compared: number;
  /** What differs, each naming its event (stream, version, id) and which copy changed; also recorded as anomalies. */
  readonly findings: readonly AnomalyFinding[];
}

/**
 * Reconciles each service's own event store with the ledger, continuously (every `intervalMs`) and
 * on an auditor's request: both are read in global order, so a direct edit, removal, insertion or
 * replacement in either copy is found and named even when the service's hash chain was rewritten to
 * match. Findings are recorded as anomalies (once each) and counted in the metric
 * `nangsuat.audit.open_anomalies`.
 */
@Injectable()
export class StoreReconciliation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StoreReconciliation.name);
  private readonly sources = new Map<AuditedContext, Promise<{ store: EventStore; close: () => Promise<void> }>>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private openAnomalies = 0;

  constructor(
    private readonly repository: LedgerRepository,
    @Inject(STORE_RECONCILIATION_OPTIONS) private readonly options: StoreReconciliationOptions,
  ) {
    metrics
      .getMeter('nangsuat-audit')
      .createObservableGauge('nangsuat.audit.open_anomalies', { description: 'Open integrity anomalies (ledger arrival checks and store reconciliation)' })
      .addCallback((result) => result.observe(this.openAnomalies));
  }

  onApplicationBootstrap(): void {
    if (!this.options.storeUrl || this.options.intervalMs <= 0) return;
    const tick = () => {
      this.running = this.reconcileAll().finally(() => {
        this.running = undefined;
        this.timer = setTimeout(tick, this.options.intervalMs);
        this.timer.unref();
      });
    };
    this.timer = setTimeout(tick, Math.min(this.options.intervalMs, 10_000));
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    for (const source of this.sources.values()) await (await source.catch(() => undefined))?.close();
  }

  /** Reconciles a context's store (as configured) with the ledger now. */
  async reconcile(context: string): Promise<ReconciliationReport> {
    if (!isAuditedContext(context)) throw new NotFound(`"${context.slice(0, 40)}" is not an audited context; one of: ${AUDITED_CONTEXTS.join(', ')}.`);
    if (!this.options.storeUrl) throw new NotFound('The services\' stores are not configured for the audit service (AUDIT_SOURCE_STORE_URL or EVENT_STORE_URL).');
    const { store } = await this.source(context);
    return this.reconcileWith(context, store);
  }

  /** Reconciles the given store of a context with the ledger (tools and tests pass a store of their own). */
  async reconcileWith(context: string, store: EventStore, now = Date.now()): Promise<ReconciliationReport> {
    const findings: AnomalyFinding[] = [];
    const fromStore = storeEvents(store)[Symbol.asyncIterator]();
    const cursor = this.repository.ledger.find({ context }, { sort: { 'event.globalPosition': 1 }, batchSize: 1000 });
    const fromLedger = (async function* () {
      for await (const doc of cursor) yield doc.event;
    })();
    const next = async (it: AsyncIterator<RecordedEvent>): Promise<RecordedEvent | undefined> => {
      const r = await it.next();
      return r.done ? undefined : r.value;
    };
    let compared = 0;
    try {
      let a = await next(fromStore);
      let b = await next(fromLedger);
      while (a || b) {
        // One global position at a time. The ledger may hold more than one event at a position
        // (events of another store published on the same topic): the same id is the match.
        const position = Math.min(a?.globalPosition ?? Infinity, b?.globalPosition ?? Infinity);
        const inLedger: RecordedEvent[] = [];
        while (b && b.globalPosition === position) {
          inLedger.push(b);
          b = await next(fromLedger);
        }
        const inStore = a && a.globalPosition === position ? a : undefined;
        if (inStore) a = await next(fromStore);
        const match = inStore && (inLedger.find((l) => l.id === inStore.id) ?? inLedger[0]);
        if (inStore) {
          compared++;
          if (match) findings.push(...compareCopies(inStore, match));
          else if (now - Date.parse(inStore.recordedAt) > this.options.graceMs) findings.push(notInLedger(inStore));
        }
        for (const l of inLedger) if (l !== match) findings.push(removedFromStore(l));
      }
    } finally {
      await cursor.close().catch(() => undefined);
    }
    await this.record(context, findings);
    return { context, checkedAt: new Date(now).toISOString(), compared, findings };
  }

  private async reconcileAll(): Promise<void> {
    for (const context of AUDITED_CONTEXTS) {
      try {
        const { findings } = await this.reconcile(context);
        if (findings.length) this.logger.warn(`${context}: ${findings.length} difference(s) between the service's store and the ledger`);
      } catch (error) {
        this.logger.warn(`${context}: reconciliation failed: ${(error as Error).message}`);
      }
    }
    this.openAnomalies = await this.repository.anomalies.countDocuments({ status: 'open' }).catch(() => this.openAnomalies);
  }

  private source(context: AuditedContext) {
    let source = this.sources.get(context);
    if (!source) {
      source = openEventStoreByUrl(this.options.storeUrl!, this.options.names[context] ?? `nangsuat_${context.replace(/-/g, '_')}`, context);
      source.catch(() => this.sources.delete(context));
      this.sources.set(context, source);
    }
    return source;
  }

  private async record(context: string, findings: readonly AnomalyFinding[]): Promise<void> {
    for (const finding of findings) {
      const _id = `${finding.kind}:${finding.eventId}`;
      const doc: Omit<AnomalyDocument, '_id'> = { ...(JSON.parse(JSON.stringify(finding)) as AnomalyFinding), context, detectedAt: new Date(), source: 'store-reconciliation', status: 'open' };
      // Seen again at the next run: recorded once.
      await this.repository.anomalies.updateOne({ _id }, { $setOnInsert: doc }, { upsert: true }).catch((e) => {
        if (!isDuplicateKey(e)) throw e;
      });
    }
  }
}

/** A store's events in global order (void positions skipped), as stored — no upcasting. */
async function* storeEvents(store: EventStore): AsyncIterable<RecordedEvent> {
  for await (const commit of store.commitsAfter(0, 500)) {
    if (!commit.void) yield* toRecordedEvents(commit);
  }
}
