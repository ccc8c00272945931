import { canonicalJson, hashEvent, RecordedEvent } from '@nangsuat/event-sourcing';
import { AnomalyFinding } from './chain-check';

/**
 * Reconciliation of a service's own event store with the audit ledger (pure). Both are read in
 * global order; at each position the two copies must be the same event with the same content. The
 * ledger's copy is what was published when the event was committed, and each copy carries its own
 * hash: a copy whose content no longer matches its hash is the edited one. An edit that recomputed
 * the service copy's hash is still found: the ledger's intact copy says otherwise.
 */
export function compareCopies(source: RecordedEvent, ledger: RecordedEvent): AnomalyFinding[] {
  const at = { eventId: ledger.id, streamId: ledger.streamId, streamVersion: ledger.streamVersion, globalPosition: ledger.globalPosition };
  if (source.id !== ledger.id) {
    return [{ kind: 'replaced-in-store', ...at, detail: `the service's store holds event ${source.id} (${source.streamId} v${source.streamVersion}) at global position ${ledger.globalPosition}`, expected: ledger.id, actual: source.id }];
  }
  if (canonicalJson(source) === canonicalJson(ledger)) return [];
  const ledgerIntact = hashEvent(ledger) === ledger.hash;
  const sourceIntact = hashEvent(source) === source.hash;
  const fields = differingFields(source, ledger);
  const findings: AnomalyFinding[] = [];
  if (ledgerIntact || !sourceIntact) {
    findings.push({
      kind: 'edited-in-store',
      ...at,
      detail: `the service's copy differs from the ledger's in ${fields.join(', ')}${sourceIntact ? ' (its hash was recomputed to match)' : ''}`,
      expected: ledger.hash,
      actual: hashEvent(source),
    });
  }
  if (!ledgerIntact) {
    findings.push({ kind: 'edited-in-ledger', ...at, detail: `the ledger's copy no longer matches its own hash; it differs in ${fields.join(', ')}`, expected: ledger.hash, actual: hashEvent(ledger) });
  }
  return findings;
}

export function removedFromStore(ledger: RecordedEvent): AnomalyFinding {
  return {
    kind: 'removed-from-store',
    eventId: ledger.id,
    streamId: ledger.streamId,
    streamVersion: ledger.streamVersion,
    globalPosition: ledger.globalPosition,
    detail: `published at global position ${ledger.globalPosition}, no longer in the service's store`,
  };
}

export function notInLedger(source: RecordedEvent): AnomalyFinding {
  return {
    kind: 'not-in-ledger',
    eventId: source.id,
    streamId: source.streamId,
    streamVersion: source.streamVersion,
    globalPosition: source.globalPosition,
    detail: `in the service's store since ${source.recordedAt} but never reached the ledger: inserted directly, or not published`,
  };
}

function differingFields(a: RecordedEvent, b: RecordedEvent): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => canonicalJson((a as unknown as Record<string, unknown>)[k]) !== canonicalJson((b as unknown as Record<string, unknown>)[k]));
}
